package dev.nebula.interpreter.testkit;

import dev.nebula.decoder.model.ValType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the bytes of a small module (spec 5.5) for the interpreter's tests: types, imports,
 * functions, one table kind at a time, a memory, globals, exports, a start function, element and
 * data segments. Indices returned are positions in the module's index spaces, imports first.
 */
public final class WasmBuilder {

    private final List<byte[]> types = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<byte[]> tables = new ArrayList<>();
    private final List<byte[]> memories = new ArrayList<>();
    private final List<byte[]> globals = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private final List<byte[]> elements = new ArrayList<>();
    private final List<byte[]> data = new ArrayList<>();
    private int importedFunctions;
    private int importedTables;
    private int importedGlobals;
    private int start = -1;
    private final java.util.TreeMap<Integer, String> functionNames = new java.util.TreeMap<>();

    /** A function type; parameters and results written as letters: i i32, l i64, f f32, d f64, r funcref, x externref, v v128. */
    public int type(String params, String results) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x60);
        valTypes(b, params);
        valTypes(b, results);
        types.add(b.toByteArray());
        return types.size() - 1;
    }

    public int importFunction(String module, String name, int typeIndex) {
        ByteArrayOutputStream b = importHeader(module, name, 0x00);
        Leb.u32(b, typeIndex);
        imports.add(b.toByteArray());
        return importedFunctions++;
    }

    public int importTable(String module, String name, ValType element, long min, long max) {
        ByteArrayOutputStream b = importHeader(module, name, 0x01);
        b.write(element.code());
        limits(b, min, max);
        imports.add(b.toByteArray());
        return importedTables++;
    }

    public void importMemory(String module, String name, long min, long max) {
        ByteArrayOutputStream b = importHeader(module, name, 0x02);
        limits(b, min, max);
        imports.add(b.toByteArray());
    }

    public int importGlobal(String module, String name, ValType type, boolean mutable) {
        ByteArrayOutputStream b = importHeader(module, name, 0x03);
        b.write(type.code());
        b.write(mutable ? 1 : 0);
        imports.add(b.toByteArray());
        return importedGlobals++;
    }

    /** A defined function with extra locals (letters as in {@link #type}); returns its function index. */
    public int function(int typeIndex, String locals, Code body) {
        functionTypes.add(typeIndex);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, locals.length());
        for (char c : locals.toCharArray()) {
            Leb.u32(b, 1);
            b.write(valType(c).code());
        }
        b.writeBytes(body.bytes());
        b.write(0x0B);
        byte[] code = b.toByteArray();
        ByteArrayOutputStream sized = new ByteArrayOutputStream();
        Leb.u32(sized, code.length);
        sized.writeBytes(code);
        bodies.add(sized.toByteArray());
        return importedFunctions + functionTypes.size() - 1;
    }

    public int function(int typeIndex, Code body) {
        return function(typeIndex, "", body);
    }

    /** A table; {@code max} < 0 for none. */
    public int table(ValType element, long min, long max) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(element.code());
        limits(b, min, max);
        tables.add(b.toByteArray());
        return importedTables + tables.size() - 1;
    }

    /** The memory; {@code max} < 0 for none. */
    public WasmBuilder memory(long min, long max) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        limits(b, min, max);
        memories.add(b.toByteArray());
        return this;
    }

    /** A global initialised by a constant expression (without its end). */
    public int global(ValType type, boolean mutable, Code init) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(type.code());
        b.write(mutable ? 1 : 0);
        b.writeBytes(init.bytes());
        b.write(0x0B);
        globals.add(b.toByteArray());
        return importedGlobals + globals.size() - 1;
    }

    public WasmBuilder exportFunction(String name, int index) {
        return export(name, 0x00, index);
    }

    public WasmBuilder exportTable(String name, int index) {
        return export(name, 0x01, index);
    }

    public WasmBuilder exportMemory(String name) {
        return export(name, 0x02, 0);
    }

    public WasmBuilder exportGlobal(String name, int index) {
        return export(name, 0x03, index);
    }

    /** Names function {@code index} in the name section (spec 7.4.2), as stack traces show it. */
    public WasmBuilder name(int index, String name) {
        functionNames.put(index, name);
        return this;
    }

    public WasmBuilder start(int function) {
        this.start = function;
        return this;
    }

    /** An active funcref segment for {@code table} at constant {@code offset} (element encoding 2). */
    public int activeElements(int table, int offset, int... functions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, 2);
        Leb.u32(b, table);
        b.writeBytes(Code.of().i32(offset).end().bytes());
        b.write(0x00); // elemkind funcref
        functionIndices(b, functions);
        elements.add(b.toByteArray());
        return elements.size() - 1;
    }

    /** A passive funcref segment of function indices (element encoding 1). */
    public int passiveElements(int... functions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, 1);
        b.write(0x00);
        functionIndices(b, functions);
        elements.add(b.toByteArray());
        return elements.size() - 1;
    }

    /** A declarative segment, which only makes the functions valid for ref.func (element encoding 3). */
    public int declareElements(int... functions) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, 3);
        b.write(0x00);
        functionIndices(b, functions);
        elements.add(b.toByteArray());
        return elements.size() - 1;
    }

    public int activeData(int offset, byte[] bytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, 0);
        b.writeBytes(Code.of().i32(offset).end().bytes());
        Leb.u32(b, bytes.length);
        b.writeBytes(bytes);
        data.add(b.toByteArray());
        return data.size() - 1;
    }

    public int passiveData(byte[] bytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, 1);
        Leb.u32(b, bytes.length);
        b.writeBytes(bytes);
        data.add(b.toByteArray());
        return data.size() - 1;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        section(out, 1, types);
        section(out, 2, imports);
        List<byte[]> functionSection = new ArrayList<>();
        for (int t : functionTypes) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            Leb.u32(b, t);
            functionSection.add(b.toByteArray());
        }
        section(out, 3, functionSection);
        section(out, 4, tables);
        section(out, 5, memories);
        section(out, 6, globals);
        section(out, 7, exports);
        if (start >= 0) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            Leb.u32(b, start);
            rawSection(out, 8, b.toByteArray());
        }
        section(out, 9, elements);
        if (!data.isEmpty()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            Leb.u32(b, data.size());
            rawSection(out, 12, b.toByteArray());
        }
        section(out, 10, bodies);
        section(out, 11, data);
        if (!functionNames.isEmpty()) {
            ByteArrayOutputStream map = new ByteArrayOutputStream();
            Leb.u32(map, functionNames.size());
            functionNames.forEach((index, n) -> {
                Leb.u32(map, index);
                name(map, n);
            });
            ByteArrayOutputStream custom = new ByteArrayOutputStream();
            name(custom, "name");
            custom.write(1); // function names subsection
            Leb.u32(custom, map.size());
            custom.writeBytes(map.toByteArray());
            rawSection(out, 0, custom.toByteArray());
        }
        return out.toByteArray();
    }

    private WasmBuilder export(String name, int kind, int index) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        name(b, name);
        b.write(kind);
        Leb.u32(b, index);
        exports.add(b.toByteArray());
        return this;
    }

    private static ByteArrayOutputStream importHeader(String module, String name, int kind) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        name(b, module);
        name(b, name);
        b.write(kind);
        return b;
    }

    private static void name(ByteArrayOutputStream b, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        Leb.u32(b, utf8.length);
        b.writeBytes(utf8);
    }

    private static void limits(ByteArrayOutputStream b, long min, long max) {
        b.write(max < 0 ? 0 : 1);
        Leb.u32(b, min);
        if (max >= 0) Leb.u32(b, max);
    }

    private static void functionIndices(ByteArrayOutputStream b, int[] functions) {
        Leb.u32(b, functions.length);
        for (int f : functions) Leb.u32(b, f);
    }

    private static void valTypes(ByteArrayOutputStream b, String letters) {
        Leb.u32(b, letters.length());
        for (char c : letters.toCharArray()) b.write(valType(c).code());
    }

    static ValType valType(char letter) {
        return switch (letter) {
            case 'i' -> ValType.I32;
            case 'l' -> ValType.I64;
            case 'f' -> ValType.F32;
            case 'd' -> ValType.F64;
            case 'v' -> ValType.V128;
            case 'r' -> ValType.FUNCREF;
            case 'x' -> ValType.EXTERNREF;
            default -> throw new IllegalArgumentException("no value type letter " + letter);
        };
    }

    private static void section(ByteArrayOutputStream out, int id, List<byte[]> items) {
        if (items.isEmpty()) return;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Leb.u32(b, items.size());
        for (byte[] item : items) b.writeBytes(item);
        rawSection(out, id, b.toByteArray());
    }

    private static void rawSection(ByteArrayOutputStream out, int id, byte[] contents) {
        out.write(id);
        Leb.u32(out, contents.length);
        out.writeBytes(contents);
    }
}
