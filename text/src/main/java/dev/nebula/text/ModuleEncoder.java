package dev.nebula.text;

import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.ImportDescriptor;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the decoder's module model back to the binary format (spec chapter 5), every section
 * from the model's fields: each integer, count and size is written afresh in its shortest LEB128
 * form (spec 5.2.2) through {@link WasmWriter}, the writer the text parser uses too.
 *
 * <p><b>What is copied as bytes.</b> The model keeps instructions as byte ranges of the module it
 * was decoded from (RATIONALE: "Code stays in the module's bytes"): function bodies' instructions
 * (spec 5.5.13), constant expressions of globals and segments (spec 5.4.9), data segment bytes
 * (spec 5.5.14) and custom section payloads (spec 5.5.3, uninterpreted by the semantics). The
 * encoder writes those ranges as they are. Re-encoding them byte for byte is still a real test of
 * everything else: every section size, vector count, body size and local declaration around them
 * is recomputed from the model, so a wrong count or a range cut one byte short shifts all that
 * follows and the re-decoded module differs (or does not decode: the decoder re-scans every copied
 * instruction sequence up to its final {@code end}). What the copies do preserve is any
 * non-minimal LEB128 inside an instruction, which is exactly what the model holds.
 *
 * <p><b>Section order.</b> The model records every section it was decoded from
 * ({@link DecodedModule#sections()}); they are written in that order, so custom sections stay
 * where they were and a present-but-empty section stays present. A model with no section records
 * gets the order of spec 5.5.2 (data count before code), with empty sections left out and a data
 * count section only when {@link DecodedModule#dataCount()} is set.
 *
 * <p><b>When the bytes differ.</b> Decoding then encoding gives the original bytes unless they
 * spell an integer in more bytes than needed (spec 5.2.2 allows it), write a data segment for
 * memory 0 with flags 2, or hold an index past 2^31-1, which the decoder saturates (never a valid
 * module). In each case the encoding decodes to the same model.
 */
public final class ModuleEncoder {

    /** Section ids in the order spec 5.5.2 requires; 12 (data count) sits before code. */
    private static final int[] CANONICAL_ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};

    private final DecodedModule module;
    private final byte[] source;

    private ModuleEncoder(DecodedModule module) {
        this.module = module;
        this.source = module.bytesUnsafe();
    }

    /**
     * The binary encoding of {@code module}.
     *
     * @throws IllegalArgumentException when the model cannot be encoded as it stands: an element
     *         segment whose recorded encoding (0-7) cannot express its mode, table, type or items,
     *         or section records that leave out a section the model has content for or list a
     *         start or data count section the model has no value for
     */
    public static byte[] encode(DecodedModule module) {
        return new ModuleEncoder(module).encode();
    }

    private byte[] encode() {
        WasmWriter out = new WasmWriter().preamble();
        List<Integer> order = sectionOrder();
        int custom = 0;
        for (int id : order) {
            if (id == 0) {
                customSection(out, module.customSections().get(custom++));
            } else {
                out.section(id, section(id));
            }
        }
        return out.toByteArray();
    }

    /** The recorded order when there is one, checked to cover every part the model has. */
    private List<Integer> sectionOrder() {
        List<Integer> recorded = new ArrayList<>();
        for (SectionInfo s : module.sections()) recorded.add(s.id());
        if (recorded.isEmpty()) {
            for (CustomSection ignored : module.customSections()) recorded.add(0);
            List<Integer> canonical = new ArrayList<>();
            for (int id : CANONICAL_ORDER) if (hasContent(id)) canonical.add(id);
            canonical.addAll(recorded);
            return canonical;
        }
        long customs = recorded.stream().filter(id -> id == 0).count();
        if (customs != module.customSections().size()) {
            throw new IllegalArgumentException("the section records list " + customs + " custom sections, the model has "
                    + module.customSections().size());
        }
        // A start or data count section is its one value; a record of one without the value cannot be written.
        for (int id : new int[]{8, 12}) {
            if (recorded.contains(id) && !hasContent(id)) {
                throw new IllegalArgumentException("the section records list a " + SectionInfo.nameOf(id) + " section, the model has no value for it");
            }
        }
        for (int id : CANONICAL_ORDER) {
            if (hasContent(id) && !recorded.contains(id)) {
                throw new IllegalArgumentException("the model has a " + SectionInfo.nameOf(id) + " section that its section records leave out");
            }
        }
        return recorded;
    }

    private boolean hasContent(int id) {
        return switch (id) {
            case 1 -> !module.types().isEmpty();
            case 2 -> !module.imports().isEmpty();
            case 3, 10 -> !module.bodies().isEmpty() || module.definedFunctionTypeIndices().length > 0;
            case 4 -> !module.tables().isEmpty();
            case 5 -> !module.memories().isEmpty();
            case 6 -> !module.globals().isEmpty();
            case 7 -> !module.exports().isEmpty();
            case 8 -> module.startFunction() >= 0;
            case 9 -> !module.elements().isEmpty();
            case 11 -> !module.data().isEmpty();
            case 12 -> module.dataCount() >= 0;
            default -> throw new IllegalStateException("not a non-custom section id: " + id);
        };
    }

    private WasmWriter section(int id) {
        WasmWriter s = new WasmWriter();
        switch (id) {
            case 1 -> types(s);
            case 2 -> imports(s);
            case 3 -> functions(s);
            case 4 -> {
                s.u32(module.tables().size());
                for (TableType t : module.tables()) s.tableType(t);
            }
            case 5 -> {
                s.u32(module.memories().size());
                for (MemoryType m : module.memories()) s.limits(m.limits());
            }
            case 6 -> globals(s);
            case 7 -> exports(s);
            case 8 -> s.u32(module.startFunction());
            case 9 -> elements(s);
            case 10 -> code(s);
            case 11 -> data(s);
            case 12 -> s.u32(module.dataCount());
            default -> throw new IllegalArgumentException("section id " + id + " is not one of spec 5.5.2");
        }
        return s;
    }

    /** Spec 5.5.3: the name, then the payload as it was. */
    private void customSection(WasmWriter out, CustomSection c) {
        WasmWriter s = new WasmWriter().name(c.name()).bytes(source, c.payloadStart(), c.payloadLength());
        out.section(0, s);
    }

    /** Spec 5.5.4: a vector of function types. */
    private void types(WasmWriter s) {
        s.u32(module.types().size());
        for (FuncType f : module.types()) s.funcType(f);
    }

    /** Spec 5.5.5: module name, name, then a kind byte and its descriptor. */
    private void imports(WasmWriter s) {
        s.u32(module.imports().size());
        for (Import imp : module.imports()) {
            s.name(imp.module()).name(imp.name());
            ImportDescriptor d = imp.descriptor();
            if (d instanceof FunctionImport f) s.u8(0x00).u32(f.typeIndex());
            else if (d instanceof TableType t) s.u8(0x01).tableType(t);
            else if (d instanceof MemoryType m) s.u8(0x02).limits(m.limits());
            else if (d instanceof GlobalType g) s.u8(0x03).globalType(g);
        }
    }

    /** Spec 5.5.6: the type index of each defined function. */
    private void functions(WasmWriter s) {
        int[] typeIndices = module.definedFunctionTypeIndices();
        s.u32(typeIndices.length);
        for (int t : typeIndices) s.u32(t);
    }

    /** Spec 5.5.9: global type, then the initializer expression. */
    private void globals(WasmWriter s) {
        s.u32(module.globals().size());
        for (Global g : module.globals()) {
            s.globalType(g.type());
            expression(s, g.init());
        }
    }

    /** Spec 5.5.10: name, kind byte, index. */
    private void exports(WasmWriter s) {
        s.u32(module.exports().size());
        for (Export e : module.exports()) {
            int kind = switch (e.kind()) {
                case FUNC -> 0x00;
                case TABLE -> 0x01;
                case MEMORY -> 0x02;
                case GLOBAL -> 0x03;
            };
            s.name(e.name()).u8(kind).u32(e.index());
        }
    }

    /**
     * Spec 5.5.12: each segment in the encoding it records. Bit 0 of the flags means passive or
     * declarative, bit 1 an explicit table index (active) or declarative (otherwise), bit 2
     * expressions instead of function indices; encodings with bit 0 or 1 set carry an element kind
     * (0x00, funcref) or a reference type.
     */
    private void elements(WasmWriter s) {
        s.u32(module.elements().size());
        for (int i = 0; i < module.elements().size(); i++) element(s, i, module.elements().get(i));
    }

    private void element(WasmWriter s, int index, ElementSegment e) {
        int flags = e.encoding();
        checkElementEncoding(index, e, flags);
        s.u32(flags);
        if (e.mode() == SegmentMode.ACTIVE) {
            if ((flags & 2) != 0) s.u32(e.tableIndex());
            expression(s, e.offset());
        }
        boolean kindByte = (flags & 3) != 0;
        if (e.hasFunctionIndices()) {
            if (kindByte) s.u8(0x00);
            s.u32(e.size());
            for (int j = 0; j < e.size(); j++) s.u32(e.functionIndex(j));
        } else {
            if (kindByte) s.valType(e.type());
            s.u32(e.size());
            for (Expression item : e.expressions()) expression(s, item);
        }
    }

    /** The segment must be what its flags say (spec 5.5.12), else the bytes would decode to another segment. */
    private static void checkElementEncoding(int index, ElementSegment e, int flags) {
        String problem = null;
        if (flags < 0 || flags > 7) {
            problem = "encoding " + flags + " is not 0-7";
        } else if (((flags & 4) == 0) != e.hasFunctionIndices()) {
            problem = "encoding " + flags + (e.hasFunctionIndices() ? " holds expressions, not function indices" : " holds function indices, not expressions");
        } else if (modeOf(flags) != e.mode()) {
            problem = "encoding " + flags + " is " + modeOf(flags) + ", the segment " + e.mode();
        } else if ((flags & 3) == 0 && (e.tableIndex() != 0 || e.type() != ValType.FUNCREF)) {
            problem = "encoding " + flags + " implies table 0 and funcref";
        } else if (e.hasFunctionIndices() && e.type() != ValType.FUNCREF) {
            problem = "function indices are funcref, the segment says " + e.type();
        } else if (e.mode() != SegmentMode.ACTIVE && e.tableIndex() != 0) {
            problem = "a " + e.mode() + " segment has no table index";
        } else if (!e.type().isReference()) {
            problem = e.type() + " is not a reference type";
        }
        if (problem != null) throw new IllegalArgumentException("element segment " + index + ": " + problem);
    }

    private static SegmentMode modeOf(int flags) {
        if ((flags & 1) == 0) return SegmentMode.ACTIVE;
        return (flags & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
    }

    /** Spec 5.5.13: each body's size, its local declaration runs, then its instructions. */
    private void code(WasmWriter s) {
        s.u32(module.bodies().size());
        for (FunctionBody body : module.bodies()) {
            WasmWriter b = new WasmWriter().u32(body.localRunCount());
            for (int run = 0; run < body.localRunCount(); run++) {
                b.u32(body.localRunLength(run)).valType(body.localRunType(run));
            }
            b.bytes(source, body.codeStart(), body.codeSize());
            s.u32(b.size()).append(b);
        }
    }

    /**
     * Spec 5.5.14: flags 0 (active in memory 0), 1 (passive) or 2 (active, memory index). The model
     * does not record which flag an active segment used, so memory 0 is always written with flags 0,
     * the shorter form; a segment written {@code 02 00} decodes to the same model and re-encodes as
     * {@code 00}.
     */
    private void data(WasmWriter s) {
        s.u32(module.data().size());
        for (DataSegment d : module.data()) {
            if (d.mode() == SegmentMode.PASSIVE) {
                s.u8(1);
            } else if (d.mode() == SegmentMode.ACTIVE) {
                if (d.memoryIndex() == 0) s.u8(0);
                else s.u8(2).u32(d.memoryIndex());
                expression(s, d.offset());
            } else {
                throw new IllegalArgumentException("a data segment is active or passive, not " + d.mode());
            }
            s.u32(d.dataLength()).bytes(source, d.dataStart(), d.dataLength());
        }
    }

    /** An expression's instructions up to and including its final {@code end}, as decoded (spec 5.4.9). */
    private void expression(WasmWriter s, Expression e) {
        s.bytes(source, e.start(), e.end() - e.start());
    }
}
