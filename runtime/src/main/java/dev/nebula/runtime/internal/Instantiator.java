package dev.nebula.runtime.internal;

import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.SegmentMode;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.WasmModule;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.InstanceState;
import dev.nebula.validator.ValidatedModule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instantiation (spec 4.5.4): allocate functions, tables, memories and globals, evaluate the
 * segments, export, then initialise active segments in order and run the start function. A trap
 * in the last two steps leaves the writes made before it in place, as the spec says, and reaches
 * the caller as the trap ("uninstantiable").
 */
public final class Instantiator {

    /**
     * Creates the runtime's instance state and the public Instance object, whose constructors are
     * not public: the runtime's package implements it (the state's subclass knows its Instance).
     */
    public interface Factory<S extends InstanceState> {
        S newState(ValidatedModule module, Store store, int functions, int tables, int memories, int globals);

        Instance create(WasmModule module, S state, Map<String, Extern> exports);
    }

    private Instantiator() {
    }

    public static <S extends InstanceState> Instance instantiate(Store store, WasmModule module, CompiledCode code,
                                                                 Extern[] imports, Factory<S> factory) {
        DecodedModule m = module.validated().module();
        S state = factory.newState(module.validated(), store, m.functionCount(),
                m.allTables().size(), m.allMemories().size(), m.allGlobals().size());
        bindImports(m, imports, state);

        WasmFunction[] defined = code.createFunctions(state);
        System.arraycopy(defined, 0, state.functions, m.importedFunctionCount(), defined.length);

        int table = importedCount(state.tables);
        for (TableType t : m.tables()) state.tables[table++] = new Table(store, t.elementType(), t.limits(), 0);
        int memory = importedCount(state.memories);
        for (MemoryType t : m.memories()) state.memories[memory++] = new Memory(t.limits(), store);
        int global = m.importedGlobalCount();
        for (Global g : m.globals()) {
            long low = ConstantEvaluator.evaluate(state, g.init());
            long high = g.type().valType() == ValType.V128 ? ConstantEvaluator.evaluateHigh(state, g.init()) : 0;
            state.globals[global++] = new dev.nebula.runtime.Global(g.type(), low, high);
        }
        List<ElementSegment> elements = m.elements();
        for (int i = 0; i < elements.size(); i++) state.elementSegments[i] = evaluate(state, elements.get(i));
        byte[] bytes = m.bytesUnsafe();
        List<DataSegment> data = m.data();
        for (int i = 0; i < data.size(); i++) {
            DataSegment d = data.get(i);
            state.dataSegments[i] = Arrays.copyOfRange(bytes, d.dataStart(), d.dataStart() + d.dataLength());
        }

        Instance instance = factory.create(module, state, exports(m, state));
        initializeSegments(m, state);
        if (m.startFunction() >= 0) state.functions[m.startFunction()].invoke(instance, new long[0]);
        return instance;
    }

    private static void bindImports(DecodedModule m, Extern[] imports, InstanceState state) {
        int f = 0;
        int t = 0;
        int mem = 0;
        int g = 0;
        List<Import> list = m.imports();
        for (int i = 0; i < list.size(); i++) {
            Import imp = list.get(i);
            Extern value = imports[i];
            switch (imp.kind()) {
                case FUNC -> state.functions[f++] = (WasmFunction) value; // type-checked by Linker.preLink
                case TABLE -> state.tables[t++] = (Table) value;
                case MEMORY -> state.memories[mem++] = (Memory) value;
                case GLOBAL -> state.globals[g++] = (dev.nebula.runtime.Global) value;
            }
        }
    }

    private static int importedCount(Object[] space) {
        int n = 0;
        while (n < space.length && space[n] != null) n++;
        return n;
    }

    private static long[] evaluate(InstanceState state, ElementSegment segment) {
        long[] handles = new long[segment.size()];
        if (segment.hasFunctionIndices()) {
            for (int i = 0; i < handles.length; i++) handles[i] = state.store.handleOf(state.functions[segment.functionIndex(i)]);
        } else {
            List<Expression> items = segment.expressions();
            for (int i = 0; i < handles.length; i++) handles[i] = ConstantEvaluator.evaluate(state, items.get(i));
        }
        return handles;
    }

    private static Map<String, Extern> exports(DecodedModule m, InstanceState state) {
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (Export e : m.exports()) {
            Extern value = switch (e.kind()) {
                case FUNC -> state.functions[e.index()];
                case TABLE -> state.tables[e.index()];
                case MEMORY -> state.memories[e.index()];
                case GLOBAL -> state.globals[e.index()];
            };
            exports.put(e.name(), value);
        }
        return exports;
    }

    /** Spec 4.5.4 steps 14-15: active element segments, then active data segments, each dropped after use. */
    private static void initializeSegments(DecodedModule m, InstanceState state) {
        List<ElementSegment> elements = m.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment segment = elements.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                int offset = (int) ConstantEvaluator.evaluate(state, segment.offset());
                long[] items = state.elementSegments[i];
                state.tables[segment.tableIndex()].init(offset, items, 0, items.length);
            }
            if (segment.mode() != SegmentMode.PASSIVE) state.elementSegments[i] = new long[0];
        }
        List<DataSegment> data = m.data();
        for (int i = 0; i < data.size(); i++) {
            DataSegment segment = data.get(i);
            if (segment.mode() != SegmentMode.ACTIVE) continue;
            int offset = (int) ConstantEvaluator.evaluate(state, segment.offset());
            byte[] bytes = state.dataSegments[i];
            state.memories[segment.memoryIndex()].init(offset, bytes, 0, bytes.length);
            state.dataSegments[i] = new byte[0];
        }
    }
}
