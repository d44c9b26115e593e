package dev.nebula.text;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
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
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary module to text (spec chapter 6), for people to read: one field a line, code as plain
 * instructions indented by block depth, function and local names from the "name" section as
 * {@code $id}s, indices in {@code (;N;)} comments. What it prints parses back to the same module
 * (custom sections, which the 2.0 text format cannot express, become comments).
 */
public final class WatPrinter {

    /** Locals of one function the printer writes out; a hostile binary can declare 2^32 - 1. */
    public static final int MAX_PRINTED_LOCALS = 1_000_000;

    private final DecodedModule m;
    private final byte[] bytes;
    private final StringBuilder out = new StringBuilder();
    private final Map<Integer, String> funcIds = new HashMap<>();

    private WatPrinter(byte[] bytes) {
        this.bytes = bytes;
        this.m = ModuleDecoder.decode(bytes);
    }

    /**
     * The text of binary module {@code wasm}.
     *
     * @throws dev.nebula.wasm.MalformedModuleException when the bytes do not decode
     * @throws IllegalArgumentException when a function declares more than {@link #MAX_PRINTED_LOCALS} locals
     */
    public static String print(byte[] wasm) {
        WatPrinter p = new WatPrinter(wasm);
        p.module();
        return p.out.toString();
    }

    private void module() {
        String moduleName = m.names().moduleName();
        out.append("(module");
        if (moduleName != null && isId(moduleName)) out.append(" $").append(moduleName);
        out.append('\n');
        nameFunctions();
        List<FuncType> types = m.types();
        for (int i = 0; i < types.size(); i++) {
            out.append("  (type (;").append(i).append(";) (func").append(signature(types.get(i))).append("))\n");
        }
        int funcIndex = 0, tableIndex = 0, memoryIndex = 0, globalIndex = 0;
        for (Import im : m.imports()) {
            out.append("  (import ").append(string(im.module())).append(' ').append(string(im.name())).append(" (");
            if (im.descriptor() instanceof FunctionImport f) {
                out.append("func").append(funcId(funcIndex)).append(" (;").append(funcIndex++).append(";) (type ").append(f.typeIndex()).append(')');
            } else if (im.descriptor() instanceof TableType t) {
                out.append("table (;").append(tableIndex++).append(";) ").append(limits(t.limits())).append(' ').append(t.elementType());
            } else if (im.descriptor() instanceof MemoryType mt) {
                out.append("memory (;").append(memoryIndex++).append(";) ").append(limits(mt.limits()));
            } else if (im.descriptor() instanceof GlobalType g) {
                out.append("global (;").append(globalIndex++).append(";) ").append(globalType(g));
            }
            out.append("))\n");
        }
        for (int i = 0; i < m.bodies().size(); i++) function(funcIndex + i, m.definedFunctionTypeIndices()[i], m.bodies().get(i));
        for (TableType t : m.tables()) {
            out.append("  (table (;").append(tableIndex++).append(";) ").append(limits(t.limits())).append(' ').append(t.elementType()).append(")\n");
        }
        for (MemoryType mt : m.memories()) {
            out.append("  (memory (;").append(memoryIndex++).append(";) ").append(limits(mt.limits())).append(")\n");
        }
        for (Global g : m.globals()) {
            out.append("  (global (;").append(globalIndex++).append(";) ").append(globalType(g.type())).append(' ').append(expression(g.init())).append(")\n");
        }
        for (Export e : m.exports()) {
            String kind = e.kind().toString();
            out.append("  (export ").append(string(e.name())).append(" (").append(kind).append(' ');
            out.append(e.kind() == dev.nebula.decoder.model.ExternKind.FUNC ? funcRef(e.index()) : Integer.toString(e.index())).append("))\n");
        }
        if (m.startFunction() >= 0) out.append("  (start ").append(funcRef(m.startFunction())).append(")\n");
        List<ElementSegment> elems = m.elements();
        for (int i = 0; i < elems.size(); i++) element(i, elems.get(i));
        List<DataSegment> data = m.data();
        for (int i = 0; i < data.size(); i++) data(i, data.get(i));
        for (CustomSection c : m.customSections()) {
            out.append("  ;; custom section ").append(string(c.name())).append(", ").append(c.payloadLength()).append(" bytes\n");
        }
        out.append(")\n");
    }

    /** Function names that are valid and unique become {@code $id}s; the others stay numeric. */
    private void nameFunctions() {
        Set<String> used = new HashSet<>();
        for (Map.Entry<Integer, String> e : new java.util.TreeMap<>(m.names().functionNames()).entrySet()) {
            if (isId(e.getValue()) && used.add(e.getValue())) funcIds.put(e.getKey(), e.getValue());
        }
    }

    private String funcId(int index) {
        String id = funcIds.get(index);
        return id == null ? "" : " $" + id;
    }

    private String funcRef(int index) {
        String id = funcIds.get(index);
        return id == null ? Integer.toString(index) : "$" + id;
    }

    private void function(int index, int typeIndex, FunctionBody body) {
        FuncType type = m.types().get(typeIndex);
        Map<Integer, String> locals = localIds(index, type.params().size() + (int) Math.min(body.localCount(), 100_000));
        out.append("  (func").append(funcId(index)).append(" (;").append(index).append(";) (type ").append(typeIndex).append(')');
        for (int i = 0; i < type.params().size(); i++) {
            String id = locals.get(i);
            out.append(" (param ").append(id == null ? "" : "$" + id + " ").append(type.params().get(i)).append(')');
        }
        if (!type.results().isEmpty()) {
            out.append(" (result");
            for (ValType v : type.results()) out.append(' ').append(v);
            out.append(')');
        }
        out.append('\n');
        if (body.localCount() > MAX_PRINTED_LOCALS) {
            // The binary's run-length form has no counterpart in text: each local is a word.
            throw new IllegalArgumentException("function " + index + " declares " + Long.toUnsignedString(body.localCount())
                    + " locals, more than the " + MAX_PRINTED_LOCALS + " the printer writes out one by one");
        }
        long local = type.params().size();
        for (int run = 0; run < body.localRunCount(); run++) {
            ValType t = body.localRunType(run);
            long n = body.localRunLength(run);
            for (long k = 0; k < n; k++, local++) {
                String id = local < Integer.MAX_VALUE ? locals.get((int) local) : null;
                out.append("    (local ").append(id == null ? "" : "$" + id + " ").append(t).append(")\n");
            }
        }
        code(body.codeStart(), body.codeEnd(), locals);
        out.append("  )\n");
    }

    private Map<Integer, String> localIds(int function, int count) {
        Map<Integer, String> ids = new HashMap<>();
        Map<Integer, String> names = m.names().localNames().get(function);
        if (names == null) return ids;
        Set<String> used = new HashSet<>();
        for (Map.Entry<Integer, String> e : new java.util.TreeMap<>(names).entrySet()) {
            if (e.getKey() < count && isId(e.getValue()) && used.add(e.getValue())) ids.put(e.getKey(), e.getValue());
        }
        return ids;
    }

    /** The body's instructions, one a line; the final {@code end} closes the function and is left out. */
    private void code(int start, int end, Map<Integer, String> locals) {
        CodeReader r = new CodeReader(bytes, start, end);
        int depth = 2;
        while (r.position() < end) {
            Opcode op = r.next();
            if (op == Opcode.END) {
                depth--;
                if (depth < 2) break;
            }
            int indent = op == Opcode.ELSE ? depth - 1 : depth;
            out.append("  ".repeat(indent));
            instruction(r, op, locals);
            out.append('\n');
            if (op.immediate() == Immediate.BLOCK_TYPE) depth++;
        }
    }

    private String expression(Expression e) {
        CodeReader r = new CodeReader(bytes, e.start(), e.end());
        StringBuilder saved = new StringBuilder();
        int count = 0;
        StringBuilder body = new StringBuilder();
        while (r.position() < e.end()) {
            Opcode op = r.next();
            if (op == Opcode.END && r.position() >= e.end()) break;
            int mark = out.length();
            instruction(r, op, Map.of());
            if (count++ > 0) body.append(' ');
            body.append(out, mark, out.length());
            out.setLength(mark);
        }
        saved.append(count == 1 ? "(" + body + ")" : body.toString());
        return saved.toString();
    }

    private void instruction(CodeReader r, Opcode op, Map<Integer, String> locals) {
        out.append(op.mnemonic());
        switch (op.immediate()) {
            case NONE -> { }
            case BLOCK_TYPE -> {
                int bt = r.blockType();
                if (bt == CodeReader.BLOCK_VALUE) out.append(" (result ").append(r.blockValueType()).append(')');
                else if (bt >= 0) out.append(" (type ").append(bt).append(')');
            }
            case LABEL, GLOBAL, ELEM, DATA, MEMORY_INIT -> out.append(' ').append(Integer.toUnsignedString(r.index()));
            case TABLE -> out.append(' ').append(r.index());
            case LABEL_TABLE -> {
                for (int i = 0; i <= r.labelCount(); i++) out.append(' ').append(Integer.toUnsignedString(r.label(i)));
            }
            case FUNCTION -> out.append(' ').append(funcRef(r.index()));
            case CALL_INDIRECT -> out.append(' ').append(r.secondIndex()).append(" (type ").append(r.index()).append(')');
            case LOCAL -> {
                String id = locals.get(r.index());
                out.append(' ').append(id == null ? Integer.toUnsignedString(r.index()) : "$" + id);
            }
            case MEMARG -> memarg(r, op);
            case MEMARG_LANE -> {
                memarg(r, op);
                out.append(' ').append(r.lane());
            }
            case MEMORY, MEMORY_COPY -> { }
            case TABLE_INIT -> out.append(' ').append(r.secondIndex()).append(' ').append(r.index());
            case TABLE_COPY -> out.append(' ').append(r.index()).append(' ').append(r.secondIndex());
            case I32 -> out.append(' ').append((int) r.value());
            case I64 -> out.append(' ').append(r.value());
            case F32 -> out.append(' ').append(FloatText.f32((int) r.value()));
            case F64 -> out.append(' ').append(FloatText.f64(r.value()));
            case V128 -> out.append(" i32x4 ").append(hex32(r.v128Low())).append(' ').append(hex32(r.v128Low() >>> 32))
                    .append(' ').append(hex32(r.v128High())).append(' ').append(hex32(r.v128High() >>> 32));
            case LANE -> out.append(' ').append(r.lane());
            case SHUFFLE -> {
                for (byte b : r.shuffleLanes()) out.append(' ').append(b & 0xFF);
            }
            case REF_TYPE -> out.append(r.referenceTypeImmediate() == ValType.FUNCREF ? " func" : " extern");
            case SELECT_TYPES -> {
                out.append(" (result");
                for (int i = 0; i < r.selectTypeCount(); i++) out.append(' ').append(r.selectType(i));
                out.append(')');
            }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hex32(long v) {
        char[] c = new char[10];
        c[0] = '0';
        c[1] = 'x';
        for (int i = 0; i < 8; i++) c[2 + i] = HEX[(int) (v >>> (28 - 4 * i)) & 0xF];
        return new String(c);
    }

    /** {@code \hh} for one byte. */
    private static void escape(StringBuilder out, int b) {
        out.append('\\').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private void memarg(CodeReader r, Opcode op) {
        if (r.offset() != 0) out.append(" offset=").append(r.offset());
        if (r.alignment() != op.naturalAlignment()) out.append(" align=").append(1L << Math.min(r.alignment(), 62));
    }

    private void element(int index, ElementSegment e) {
        out.append("  (elem (;").append(index).append(";)");
        if (e.mode() == SegmentMode.DECLARATIVE) out.append(" declare");
        if (e.mode() == SegmentMode.ACTIVE) {
            if ((e.encoding() & 2) != 0) out.append(" (table ").append(e.tableIndex()).append(')');
            out.append(" (offset ").append(stripParens(expression(e.offset()))).append(')');
        }
        if (e.hasFunctionIndices()) {
            out.append(" func");
            for (int f : e.functionIndices()) out.append(' ').append(funcRef(f));
        } else {
            out.append(' ').append(e.type());
            for (Expression x : e.expressions()) out.append(" (item ").append(stripParens(expression(x))).append(')');
        }
        out.append(")\n");
    }

    private static String stripParens(String expr) {
        return expr.startsWith("(") && expr.endsWith(")") ? expr.substring(1, expr.length() - 1) : expr;
    }

    private void data(int index, DataSegment d) {
        out.append("  (data (;").append(index).append(";)");
        if (d.mode() == SegmentMode.ACTIVE) {
            if (d.memoryIndex() != 0) out.append(" (memory ").append(d.memoryIndex()).append(')');
            out.append(" (offset ").append(stripParens(expression(d.offset()))).append(')');
        }
        out.append(' ').append(bytesString(bytes, d.dataStart(), d.dataLength())).append(")\n");
    }

    private static String signature(FuncType f) {
        StringBuilder s = new StringBuilder();
        if (!f.params().isEmpty()) {
            s.append(" (param");
            for (ValType v : f.params()) s.append(' ').append(v);
            s.append(')');
        }
        if (!f.results().isEmpty()) {
            s.append(" (result");
            for (ValType v : f.results()) s.append(' ').append(v);
            s.append(')');
        }
        return s.toString();
    }

    private static String limits(Limits l) {
        return l.hasMax() ? l.min() + " " + l.max() : Long.toString(l.min());
    }

    private static String globalType(GlobalType g) {
        return g.mutable() ? "(mut " + g.valType() + ")" : g.valType().toString();
    }

    /** A name as a string literal: UTF-8 kept, quotes, backslashes and control characters escaped. */
    static String string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c >= 0x80) {
                int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                out.append(new String(b, i, Math.min(len, b.length - i), StandardCharsets.UTF_8));
                i += len;
                continue;
            }
            appendAscii(out, c);
            i++;
        }
        return out.append('"').toString();
    }

    /** Arbitrary bytes as a string literal: printable ASCII as is, the rest as {@code \hh}. */
    static String bytesString(byte[] b, int start, int length) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = start; i < start + length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80) escape(out, c);
            else appendAscii(out, c);
        }
        return out.append('"').toString();
    }

    private static void appendAscii(StringBuilder out, int c) {
        if (c == '"' || c == '\\') out.append('\\').append((char) c);
        else if (c < 0x20 || c == 0x7F) escape(out, c);
        else out.append((char) c);
    }

    /** True when {@code s} can be written as {@code $s}. */
    static boolean isId(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!Lexer.isIdChar(s.charAt(i))) return false;
        return true;
    }
}
