package dev.nebula.runtime.spi;

import dev.nebula.runtime.Global;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.validator.ValidatedModule;

/**
 * The runtime state of one module instance (spec 4.2.5) as engines see it: every index space,
 * imports first, and the segments still alive. Dropping a segment (elem.drop, data.drop) sets its
 * slot to an empty array, as spec 4.4.6 and 4.4.7 describe.
 */
public final class InstanceState {

    public final ValidatedModule module;
    public final Store store;
    public final WasmFunction[] functions;
    public final Table[] tables;
    public final Memory[] memories;
    public final Global[] globals;
    /** Element segments as reference handles. */
    public final long[][] elementSegments;
    public final byte[][] dataSegments;
    private Instance instance;

    public InstanceState(ValidatedModule module, Store store, int functions, int tables, int memories, int globals) {
        this.module = module;
        this.store = store;
        this.functions = new WasmFunction[functions];
        this.tables = new Table[tables];
        this.memories = new Memory[memories];
        this.globals = new Global[globals];
        this.elementSegments = new long[module.module().elements().size()][];
        this.dataSegments = new byte[module.module().data().size()][];
    }

    /** The instance this state belongs to, for host functions called from its code. */
    public Instance instance() {
        return instance;
    }

    public void attach(Instance owner) {
        if (instance != null) throw new IllegalStateException("state already belongs to an instance");
        instance = owner;
    }

    /** Memory 0, or null when the module has none; engines re-read it since grow replaces buffers, not memories. */
    public Memory memory() {
        return memories.length == 0 ? null : memories[0];
    }
}
