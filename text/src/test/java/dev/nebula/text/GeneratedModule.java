package dev.nebula.text;

import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.decoder.testkit.Encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A module chosen by {@link GeneratedModules}, with every section of spec 5.5, and its rendering
 * to bytes by the decoder test kit's {@link Encode}, independently of the encoder under test.
 *
 * <p>{@link #render(boolean) render(false)} writes every integer in its shortest form;
 * {@code render(true)} pads some of the integers the model re-derives (counts, sizes, indices,
 * limits, flags, name lengths) to up to 5 bytes, and writes some data segments for memory 0 with
 * flags 2, as the binary format allows. Instruction bytes, data bytes and custom payloads are the
 * same in both: the model keeps those as they are.
 */
record GeneratedModule(List<FuncType> types, List<Import> imports, List<Function> functions,
                       List<TableType> tables, List<MemoryType> memories, List<Global> globals,
                       List<Export> exports, Integer start, List<Element> elements, boolean dataCount,
                       List<Data> data, List<Custom> customs, Set<Integer> emptySectionsKept, long paddingSeed) {

    /** A defined function: its type index, local declaration runs, and instructions ending in {@code end}. */
    record Function(int typeIndex, List<LocalRun> locals, byte[] code) {
    }

    record LocalRun(long count, ValType type) {
    }

    record Global(GlobalType type, byte[] init) {
    }

    /** An element segment as one of the eight encodings of spec 5.5.12; {@code functions} or {@code items} is null. */
    record Element(int flags, int table, byte[] offset, ValType type, List<Integer> functions, List<byte[]> items) {
    }

    /** A data segment: passive, or active in {@code memory} at {@code offset}. */
    record Data(boolean passive, int memory, byte[] offset, byte[] bytes) {
    }

    /** A custom section placed before the non-custom section at {@code slot} of the order (12: at the end). */
    record Custom(int slot, String name, byte[] payload) {
    }

    /** Section ids in the order of spec 5.5.2. */
    static final int[] ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};

    byte[] render(boolean pad) {
        Out out = new Out(pad ? new Random(paddingSeed) : null);
        out.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        for (int slot = 0; slot <= ORDER.length; slot++) {
            for (Custom c : customs) {
                if (c.slot() == slot) out.section(0, out.fresh().name(c.name()).raw(c.payload()));
            }
            if (slot < ORDER.length) {
                int id = ORDER[slot];
                Out contents = section(id, out);
                if (contents != null) out.section(id, contents);
            }
        }
        return out.bytes();
    }

    private Out section(int id, Out parent) {
        Out s = parent.fresh();
        switch (id) {
            case 1 -> {
                if (!present(id, types.size())) return null;
                s.u32(types.size());
                for (FuncType f : types) s.raw(0x60).valTypes(f.params()).valTypes(f.results());
            }
            case 2 -> {
                if (!present(id, imports.size())) return null;
                s.u32(imports.size());
                for (Import imp : imports) {
                    s.name(imp.module()).name(imp.name());
                    if (imp.descriptor() instanceof FunctionImport f) s.raw(0x00).u32(f.typeIndex());
                    else if (imp.descriptor() instanceof TableType t) s.raw(0x01).tableType(t);
                    else if (imp.descriptor() instanceof MemoryType m) s.raw(0x02).limits(m.limits());
                    else if (imp.descriptor() instanceof GlobalType g) s.raw(0x03).globalType(g);
                }
            }
            case 3 -> {
                if (!present(id, functions.size())) return null;
                s.u32(functions.size());
                for (Function f : functions) s.u32(f.typeIndex());
            }
            case 4 -> {
                if (!present(id, tables.size())) return null;
                s.u32(tables.size());
                for (TableType t : tables) s.tableType(t);
            }
            case 5 -> {
                if (!present(id, memories.size())) return null;
                s.u32(memories.size());
                for (MemoryType m : memories) s.limits(m.limits());
            }
            case 6 -> {
                if (!present(id, globals.size())) return null;
                s.u32(globals.size());
                for (Global g : globals) s.globalType(g.type()).raw(g.init());
            }
            case 7 -> {
                if (!present(id, exports.size())) return null;
                s.u32(exports.size());
                for (Export e : exports) s.name(e.name()).raw(e.kind().ordinal()).u32(e.index());
            }
            case 8 -> {
                if (start == null) return null;
                s.u32(start);
            }
            case 9 -> {
                if (!present(id, elements.size())) return null;
                s.u32(elements.size());
                for (Element e : elements) element(s, e);
            }
            case 10 -> {
                if (!present(id, functions.size())) return null;
                s.u32(functions.size());
                for (Function f : functions) {
                    Out body = s.fresh().u32(f.locals().size());
                    for (LocalRun run : f.locals()) body.u32(run.count()).raw(run.type().code());
                    body.raw(f.code());
                    s.u32(body.size()).raw(body.bytes());
                }
            }
            case 11 -> {
                if (!present(id, data.size())) return null;
                s.u32(data.size());
                for (Data d : data) {
                    if (d.passive()) s.u32(1);
                    else if (d.memory() != 0 || s.coin()) s.u32(2).u32(d.memory()).raw(d.offset());
                    else s.u32(0).raw(d.offset());
                    s.u32(d.bytes().length).raw(d.bytes());
                }
            }
            case 12 -> {
                if (!dataCount) return null;
                s.u32(data.size());
            }
            default -> throw new IllegalStateException("section " + id);
        }
        return s;
    }

    private boolean present(int id, int count) {
        return count > 0 || emptySectionsKept.contains(id);
    }

    private static void element(Out s, Element e) {
        s.u32(e.flags());
        boolean active = (e.flags() & 1) == 0;
        if (active && (e.flags() & 2) != 0) s.u32(e.table());
        if (active) s.raw(e.offset());
        if ((e.flags() & 3) != 0) s.raw(e.functions() != null ? 0x00 : e.type().code());
        if (e.functions() != null) {
            s.u32(e.functions().size());
            for (int f : e.functions()) s.u32(f);
        } else {
            s.u32(e.items().size());
            for (byte[] item : e.items()) s.raw(item);
        }
    }

    /** Bytes with LEB128 integers that are shortest, or, with a random source, sometimes padded. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Random padding;

        Out(Random padding) {
            this.padding = padding;
        }

        Out fresh() {
            return new Out(padding);
        }

        /** Whether to take a longer form where one exists: never when rendering the shortest form. */
        boolean coin() {
            return padding != null && padding.nextInt(3) == 0;
        }

        Out raw(int... values) {
            bytes.writeBytes(Encode.bytes(values));
            return this;
        }

        Out raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        Out u32(long v) {
            int shortest = Encode.u32(v).length;
            if (shortest < 5 && coin()) return raw(Encode.u32Padded(v, shortest + 1 + padding.nextInt(5 - shortest)));
            return raw(Encode.u32(v));
        }

        Out name(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return u32(utf8.length).raw(utf8);
        }

        Out valTypes(List<ValType> types) {
            u32(types.size());
            for (ValType t : types) raw(t.code());
            return this;
        }

        Out limits(Limits l) {
            return l.hasMax() ? raw(1).u32(l.min()).u32(l.max()) : raw(0).u32(l.min());
        }

        Out tableType(TableType t) {
            return raw(t.elementType().code()).limits(t.limits());
        }

        Out globalType(GlobalType g) {
            return raw(g.valType().code(), g.mutable() ? 1 : 0);
        }

        Out section(int id, Out contents) {
            return raw(id).u32(contents.size()).raw(contents.bytes());
        }

        int size() {
            return bytes.size();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
