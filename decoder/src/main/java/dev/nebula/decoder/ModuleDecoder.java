package dev.nebula.decoder;

import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.ImportDescriptor;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.MalformedModuleException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes the binary format (spec chapter 5) into a {@link DecodedModule}, or throws a
 * {@link MalformedModuleException} with the byte offset and the spec suite's message.
 *
 * <p>Like the reference interpreter, a section's contents are read against the end of the
 * module and then checked against the declared size ("section size mismatch"); code is scanned
 * instruction by instruction, so every opcode and immediate is checked here, before validation.
 */
public final class ModuleDecoder {

    private static final int MAGIC = 0x6D736100; // "\0asm" little-endian
    private static final int VERSION = 1;

    /**
     * Implementation limit (spec appendix A.2 allows them): a few-byte custom section costs far
     * more as a Java object than as input, so a module could otherwise inflate 16 MiB of empty
     * sections into hundreds of MiB of heap. Real toolchains emit a handful.
     */
    static final int MAX_CUSTOM_SECTIONS = 10_000;

    /** Section ids in the order spec 5.5.2 requires them; the data count section sits before code. */
    private static final int[] SECTION_ORDER = new int[13];

    static {
        int[] order = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};
        for (int i = 0; i < order.length; i++) SECTION_ORDER[order[i]] = i + 1;
    }

    private final byte[] bytes;
    private final ByteReader in;
    private final DecodedModule.Builder module;
    private int functionSectionCount = -1;
    private boolean sawDataCount;
    private int declaredDataCount;
    private int firstDataInstruction = -1;
    private boolean sawDataSection;

    private ModuleDecoder(byte[] bytes) {
        this.bytes = bytes;
        this.in = new ByteReader(bytes, 0, bytes.length);
        this.module = new DecodedModule.Builder(bytes);
    }

    /** Decodes a module from its bytes; the array is copied, so the caller may reuse it. */
    public static DecodedModule decode(byte[] moduleBytes) {
        return new ModuleDecoder(moduleBytes.clone()).decodeModule();
    }

    private DecodedModule decodeModule() {
        readHeader();
        int lastOrder = 0;
        while (!in.atEnd()) {
            int idOffset = in.position();
            in.endMessage(ByteReader.UNEXPECTED_END);
            int id = in.u8();
            if (id > 12) throw new MalformedModuleException("malformed section id", idOffset);
            int sizeOffset = in.position();
            long size = in.u32();
            if (size > in.remaining()) throw new MalformedModuleException("length out of bounds", sizeOffset);
            int start = in.position();
            int end = start + (int) size;
            if (id != 0) {
                int order = SECTION_ORDER[id];
                if (order <= lastOrder) throw new MalformedModuleException("unexpected content after last section", idOffset);
                lastOrder = order;
            }
            module.sections.add(new SectionInfo(id, SectionInfo.nameOf(id), start, (int) size));
            in.endMessage(id == 0 || id == 9 ? ByteReader.UNEXPECTED_END : ByteReader.UNEXPECTED_END_OF_SECTION);
            readSection(id, end);
            if (in.position() != end) throw new MalformedModuleException("section size mismatch", start);
        }
        finish();
        return module.build();
    }

    private void readHeader() {
        if (bytes.length < 4) throw new MalformedModuleException("unexpected end", bytes.length);
        if (in.fixed32() != MAGIC) throw new MalformedModuleException("magic header not detected", 0);
        if (bytes.length < 8) throw new MalformedModuleException("unexpected end", bytes.length);
        if (in.fixed32() != VERSION) throw new MalformedModuleException("unknown binary version", 4);
    }

    private void readSection(int id, int end) {
        switch (id) {
            case 0 -> readCustomSection(end);
            case 1 -> readTypeSection();
            case 2 -> readImportSection();
            case 3 -> readFunctionSection();
            case 4 -> readTableSection();
            case 5 -> readMemorySection();
            case 6 -> readGlobalSection();
            case 7 -> readExportSection();
            case 8 -> module.startFunction(in.u32AsInt());
            case 9 -> readElementSection();
            case 10 -> readCodeSection();
            case 11 -> readDataSection();
            case 12 -> {
                declaredDataCount = in.u32AsInt();
                module.dataCount(declaredDataCount);
                sawDataCount = true;
            }
            default -> throw new IllegalStateException("section id checked above: " + id);
        }
    }

    /** Checks that need the whole module: section counts that must agree (spec 5.5.16). */
    private void finish() {
        int declared = Math.max(functionSectionCount, 0);
        if (declared != module.bodies.size()) {
            throw new MalformedModuleException("function and code section have inconsistent lengths", bytes.length);
        }
        // Spec 5.5.13 requires the data count section for memory.init and data.drop. Without any
        // data section the segment index is simply unknown, which the suite (memory_init.wast)
        // expects validation to report, so only a module with data segments is malformed here.
        if (firstDataInstruction >= 0 && !sawDataCount && sawDataSection) {
            throw new MalformedModuleException("data count section required", firstDataInstruction);
        }
        if (sawDataCount && module.data.size() != declaredDataCount) {
            throw new MalformedModuleException("data count and data section have inconsistent lengths", bytes.length);
        }
    }

    // ---- custom sections (spec 5.5.3) ----

    private void readCustomSection(int end) {
        int at = in.position();
        if (module.customSections.size() >= MAX_CUSTOM_SECTIONS) {
            throw new MalformedModuleException("too many custom sections", at,
                    "implementation limit of " + MAX_CUSTOM_SECTIONS);
        }
        String name = in.name();
        if (in.position() > end) throw new MalformedModuleException("unexpected end", end);
        int payloadStart = in.position();
        module.customSections.add(new CustomSection(name, payloadStart, end - payloadStart));
        if (name.equals("name")) module.names(NameSectionReader.read(bytes, payloadStart, end));
        in.position(end);
    }

    // ---- types (spec 5.3, 5.5.4) ----

    private void readTypeSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int form = in.u8();
            if (form != 0x60) throw new MalformedModuleException(leb128Overlong(form), at, "a function type starts with 0x60");
            List<ValType> params = readValueTypes();
            List<ValType> results = readValueTypes();
            module.types.add(new FuncType(params, results));
        }
    }

    private List<ValType> readValueTypes() {
        int n = in.length();
        List<ValType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) types.add(valueType());
        return types;
    }

    private ValType valueType() {
        int at = in.position();
        ValType t = ValType.fromCode(in.u8());
        if (t == null) throw new MalformedModuleException("malformed value type", at);
        return t;
    }

    private ValType referenceType() {
        int at = in.position();
        ValType t = ValType.fromCode(in.u8());
        if (t == null || !t.isReference()) throw new MalformedModuleException("malformed reference type", at);
        return t;
    }

    private Limits limits() {
        int at = in.position();
        int flag = in.u8();
        return switch (flag) {
            case 0x00 -> Limits.of(in.u32());
            case 0x01 -> {
                long min = in.u32();
                yield Limits.of(min, in.u32());
            }
            default -> throw new MalformedModuleException(leb128Overlong(flag), at, "limits flag must be 0 or 1");
        };
    }

    /**
     * Single-byte fields that the reference interpreter reads as LEB128 integers: a set
     * continuation bit reads as an overlong encoding, any other wrong value as too large.
     */
    private static String leb128Overlong(int b) {
        return (b & 0x80) != 0 ? "integer representation too long" : "integer too large";
    }

    private TableType tableType() {
        ValType element = referenceType();
        return new TableType(element, limits());
    }

    private GlobalType globalType() {
        ValType t = valueType();
        int at = in.position();
        int mutability = in.u8();
        if (mutability > 1) throw new MalformedModuleException("malformed mutability", at);
        return new GlobalType(t, mutability == 1);
    }

    // ---- imports and exports (spec 5.5.5, 5.5.10) ----

    private void readImportSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            String moduleName = in.name();
            String name = in.name();
            int at = in.position();
            int kind = in.u8();
            ImportDescriptor descriptor = switch (kind) {
                case 0x00 -> new FunctionImport(in.u32AsInt());
                case 0x01 -> tableType();
                case 0x02 -> new MemoryType(limits());
                case 0x03 -> globalType();
                default -> throw new MalformedModuleException("malformed import kind", at);
            };
            module.imports.add(new Import(moduleName, name, descriptor));
        }
    }

    private void readExportSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int at = in.position();
            int kind = in.u8();
            ExternKind externKind = switch (kind) {
                case 0x00 -> ExternKind.FUNC;
                case 0x01 -> ExternKind.TABLE;
                case 0x02 -> ExternKind.MEMORY;
                case 0x03 -> ExternKind.GLOBAL;
                default -> throw new MalformedModuleException("malformed export kind", at);
            };
            module.exports.add(new Export(name, externKind, in.u32AsInt()));
        }
    }

    // ---- functions, tables, memories, globals (spec 5.5.6-5.5.9) ----

    private void readFunctionSection() {
        int n = in.length();
        int[] typeIndices = new int[n];
        for (int i = 0; i < n; i++) typeIndices[i] = in.u32AsInt();
        module.functionTypeIndices(typeIndices);
        functionSectionCount = n;
    }

    private void readTableSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) module.tables.add(tableType());
    }

    private void readMemorySection() {
        int n = in.length();
        for (int i = 0; i < n; i++) module.memories.add(new MemoryType(limits()));
    }

    private void readGlobalSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            GlobalType type = globalType();
            module.globals.add(new Global(type, expression()));
        }
    }

    /** A constant expression: any instructions up to the {@code end} that closes it (spec 5.4.9). */
    private Expression expression() {
        int start = in.position();
        CodeReader code = new CodeReader(bytes, start, bytes.length);
        code.endMessage(ByteReader.UNEXPECTED_END);
        int end = scanInstructions(code);
        in.position(end);
        return new Expression(start, end);
    }

    // ---- element segments: all eight encodings (spec 5.5.12) ----

    private void readElementSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            long flags = in.u32();
            if (flags > 7) throw new MalformedModuleException("malformed elements segment kind", at);
            int kind = (int) flags;
            boolean passiveOrDeclarative = (kind & 1) != 0;
            boolean explicitTable = (kind & 2) != 0;
            boolean usesExpressions = (kind & 4) != 0;
            SegmentMode mode = !passiveOrDeclarative ? SegmentMode.ACTIVE
                    : explicitTable ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
            int tableIndex = 0;
            Expression offset = null;
            if (mode == SegmentMode.ACTIVE) {
                if (explicitTable) tableIndex = in.u32AsInt();
                offset = expression();
            }
            ValType type = ValType.FUNCREF;
            if (mode != SegmentMode.ACTIVE || explicitTable) {
                if (usesExpressions) {
                    type = referenceType();
                } else {
                    int kindAt = in.position();
                    if (in.u8() != 0x00) throw new MalformedModuleException("malformed element kind", kindAt);
                }
            }
            int count = in.length();
            if (usesExpressions) {
                List<Expression> items = new ArrayList<>(count);
                for (int j = 0; j < count; j++) items.add(expression());
                module.elements.add(new ElementSegment(kind, mode, type, tableIndex, offset, null, items));
            } else {
                int[] functions = new int[count];
                for (int j = 0; j < count; j++) functions[j] = in.u32AsInt();
                module.elements.add(new ElementSegment(kind, mode, type, tableIndex, offset, functions, null));
            }
        }
    }

    // ---- code (spec 5.5.13) ----

    private void readCodeSection() {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int sizeAt = in.position();
            long size = in.u32();
            if (size > in.remaining()) throw new MalformedModuleException("length out of bounds", sizeAt);
            int bodyStart = in.position();
            int bodyEnd = bodyStart + (int) size;
            module.bodies.add(functionBody(bodyStart, bodyEnd));
            if (in.position() != bodyEnd) throw new MalformedModuleException("section size mismatch", bodyStart);
        }
    }

    private FunctionBody functionBody(int bodyStart, int bodyEnd) {
        int runs = in.length();
        long[] counts = new long[runs];
        ValType[] types = new ValType[runs];
        long total = 0;
        for (int r = 0; r < runs; r++) {
            int at = in.position();
            counts[r] = in.u32();
            total += counts[r];
            if (total > 0xFFFF_FFFFL) throw new MalformedModuleException("too many locals", at);
            types[r] = valueType();
        }
        int codeStart = in.position();
        CodeReader code = new CodeReader(bytes, codeStart, bytes.length);
        int codeEnd = scanInstructions(code);
        if (firstDataInstruction < 0) firstDataInstruction = code.firstDataInstruction();
        in.position(codeEnd);
        return new FunctionBody(counts, types, codeStart, codeEnd);
    }

    /**
     * Reads instructions up to the {@code end} that closes the sequence and returns the offset after
     * it. Block nesting is counted, not recursed, so deep nesting cannot overflow the stack; an
     * {@code else} outside an {@code if} cannot be part of a well-formed sequence (spec 5.4.1).
     */
    private static int scanInstructions(CodeReader code) {
        // Each bit records whether the open block at that depth is an "if"; deeper levels use a long counter.
        long depth = 0;
        BitSet ifBlocks = new BitSet();
        while (true) {
            Opcode op = code.next();
            switch (op) {
                case BLOCK, LOOP -> {
                    depth++;
                    setIf(ifBlocks, depth, false);
                }
                case IF -> {
                    depth++;
                    setIf(ifBlocks, depth, true);
                }
                case ELSE -> {
                    if (depth == 0 || !isIf(ifBlocks, depth)) {
                        throw new MalformedModuleException("END opcode expected", code.instructionStart());
                    }
                    setIf(ifBlocks, depth, false);
                }
                case END -> {
                    if (depth == 0) return code.position();
                    depth--;
                }
                default -> { }
            }
        }
    }

    private static void setIf(BitSet ifBlocks, long depth, boolean value) {
        if (depth < Integer.MAX_VALUE) ifBlocks.set((int) depth, value);
    }

    private static boolean isIf(BitSet ifBlocks, long depth) {
        return depth < Integer.MAX_VALUE && ifBlocks.get((int) depth);
    }

    // ---- data (spec 5.5.14) ----

    private void readDataSection() {
        sawDataSection = true;
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            long flags = in.u32();
            int memoryIndex = 0;
            Expression offset = null;
            SegmentMode mode;
            if (flags == 0) {
                mode = SegmentMode.ACTIVE;
                offset = expression();
            } else if (flags == 1) {
                mode = SegmentMode.PASSIVE;
            } else if (flags == 2) {
                mode = SegmentMode.ACTIVE;
                memoryIndex = in.u32AsInt();
                offset = expression();
            } else {
                throw new MalformedModuleException("malformed data segment kind", at);
            }
            int length = in.length();
            int dataStart = in.position();
            in.skip(length);
            module.data.add(new DataSegment(mode, memoryIndex, offset, dataStart, length));
        }
    }
}
