package dev.nebula.decoder.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A module as the binary format describes it (spec 2.5, 5.5), before validation. Immutable: the
 * lists are unmodifiable and the bytes are a private copy, handed out only as copies or ranges.
 *
 * <p>Index spaces (spec 2.5.1) start with the imports: {@link #functionType(int)} and friends
 * resolve an index in the whole space.
 */
public final class DecodedModule {

    private final byte[] bytes;
    private final List<FuncType> types;
    private final List<Import> imports;
    private final int[] functionTypeIndices;
    private final List<TableType> tables;
    private final List<MemoryType> memories;
    private final List<Global> globals;
    private final List<Export> exports;
    private final int startFunction;
    private final List<ElementSegment> elements;
    private final int dataCount;
    private final List<FunctionBody> bodies;
    private final List<DataSegment> data;
    private final List<CustomSection> customSections;
    private final List<SectionInfo> sections;
    private final Names names;

    // Derived once: the imported part of each index space.
    private final int importedFunctions;
    private final List<TableType> allTables;
    private final List<MemoryType> allMemories;
    private final List<GlobalType> allGlobals;
    private final int[] allFunctionTypeIndices;

    DecodedModule(Builder b) {
        this.bytes = b.bytes;
        this.types = List.copyOf(b.types);
        this.imports = List.copyOf(b.imports);
        this.functionTypeIndices = b.functionTypeIndices.clone();
        this.tables = List.copyOf(b.tables);
        this.memories = List.copyOf(b.memories);
        this.globals = List.copyOf(b.globals);
        this.exports = List.copyOf(b.exports);
        this.startFunction = b.startFunction;
        this.elements = List.copyOf(b.elements);
        this.dataCount = b.dataCount;
        this.bodies = List.copyOf(b.bodies);
        this.data = List.copyOf(b.data);
        this.customSections = List.copyOf(b.customSections);
        this.sections = List.copyOf(b.sections);
        this.names = b.names;

        List<Integer> importedFunctionTypes = new ArrayList<>();
        List<TableType> t = new ArrayList<>();
        List<MemoryType> m = new ArrayList<>();
        List<GlobalType> g = new ArrayList<>();
        for (Import imp : imports) {
            ImportDescriptor d = imp.descriptor();
            if (d instanceof FunctionImport f) importedFunctionTypes.add(f.typeIndex());
            else if (d instanceof TableType tt) t.add(tt);
            else if (d instanceof MemoryType mt) m.add(mt);
            else if (d instanceof GlobalType gt) g.add(gt);
        }
        this.importedFunctions = importedFunctionTypes.size();
        t.addAll(tables);
        m.addAll(memories);
        for (Global global : globals) g.add(global.type());
        this.allTables = List.copyOf(t);
        this.allMemories = List.copyOf(m);
        this.allGlobals = List.copyOf(g);
        this.allFunctionTypeIndices = new int[importedFunctions + functionTypeIndices.length];
        for (int i = 0; i < importedFunctions; i++) allFunctionTypeIndices[i] = importedFunctionTypes.get(i);
        System.arraycopy(functionTypeIndices, 0, allFunctionTypeIndices, importedFunctions, functionTypeIndices.length);
    }

    /** A copy of the module's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The module's bytes without a copy, for readers inside Nebula that only read them. */
    public byte[] bytesUnsafe() {
        return bytes;
    }

    public int byteSize() {
        return bytes.length;
    }

    public List<FuncType> types() {
        return types;
    }

    public List<Import> imports() {
        return imports;
    }

    /** Type indices of the functions the module defines (function section). */
    public int[] definedFunctionTypeIndices() {
        return functionTypeIndices.clone();
    }

    /** Tables the module defines (not imported ones). */
    public List<TableType> tables() {
        return tables;
    }

    public List<MemoryType> memories() {
        return memories;
    }

    public List<Global> globals() {
        return globals;
    }

    public List<Export> exports() {
        return exports;
    }

    /** Index of the start function, or -1 when there is none. */
    public int startFunction() {
        return startFunction;
    }

    public List<ElementSegment> elements() {
        return elements;
    }

    /** The data count section's value, or -1 when the module has none. */
    public int dataCount() {
        return dataCount;
    }

    public List<FunctionBody> bodies() {
        return bodies;
    }

    public List<DataSegment> data() {
        return data;
    }

    public List<CustomSection> customSections() {
        return customSections;
    }

    /** Every section in the order it appears, custom sections included. */
    public List<SectionInfo> sections() {
        return sections;
    }

    public Names names() {
        return names;
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    /** Size of the function index space: imported then defined functions. */
    public int functionCount() {
        return allFunctionTypeIndices.length;
    }

    /** Type index of function {@code functionIndex} in the whole index space. */
    public int functionTypeIndex(int functionIndex) {
        return allFunctionTypeIndices[functionIndex];
    }

    /** Type of function {@code functionIndex}; the type index must be valid. */
    public FuncType functionType(int functionIndex) {
        return types.get(allFunctionTypeIndices[functionIndex]);
    }

    /** The table index space: imported tables, then defined ones. */
    public List<TableType> allTables() {
        return allTables;
    }

    public List<MemoryType> allMemories() {
        return allMemories;
    }

    /** The global index space: imported globals, then defined ones. */
    public List<GlobalType> allGlobals() {
        return allGlobals;
    }

    public int importedGlobalCount() {
        return allGlobals.size() - globals.size();
    }

    /** A name for a function to show in messages: {@code 3 ($fib)} or {@code 3}. */
    public String describeFunction(int functionIndex) {
        String name = names.functionName(functionIndex);
        return name == null ? Integer.toString(functionIndex) : functionIndex + " ($" + name + ")";
    }

    /** Collects a module's parts while decoding; the decoder is its only user. */
    public static final class Builder {
        byte[] bytes;
        public final List<FuncType> types = new ArrayList<>();
        public final List<Import> imports = new ArrayList<>();
        int[] functionTypeIndices = new int[0];
        public final List<TableType> tables = new ArrayList<>();
        public final List<MemoryType> memories = new ArrayList<>();
        public final List<Global> globals = new ArrayList<>();
        public final List<Export> exports = new ArrayList<>();
        int startFunction = -1;
        public final List<ElementSegment> elements = new ArrayList<>();
        int dataCount = -1;
        public final List<FunctionBody> bodies = new ArrayList<>();
        public final List<DataSegment> data = new ArrayList<>();
        public final List<CustomSection> customSections = new ArrayList<>();
        public final List<SectionInfo> sections = new ArrayList<>();
        Names names = Names.NONE;

        public Builder(byte[] bytes) {
            this.bytes = bytes;
        }

        public Builder functionTypeIndices(int[] indices) {
            this.functionTypeIndices = indices;
            return this;
        }

        public Builder startFunction(int index) {
            this.startFunction = index;
            return this;
        }

        public Builder dataCount(int count) {
            this.dataCount = count;
            return this;
        }

        public Builder names(Names names) {
            this.names = names;
            return this;
        }

        public DecodedModule build() {
            return new DecodedModule(this);
        }
    }
}
