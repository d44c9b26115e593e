package dev.nebula.runtime.spi;

import dev.nebula.runtime.Global;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.validator.ValidatedModule;

/**
 * The runtime state of one module instance (spec 4.2.5) as engines see it: every index space,
 * imports first, and the segments still alive. Dropping a segment (elem.drop, data.drop) sets its
 * slot to an empty array, as spec 4.4.6 and 4.4.7 describe.
 *
 * <p>Only the runtime creates states (its subclass knows the public {@code Instance}; this class
 * does not, so the SPI does not depend on the embedding API's instance object). Engines read the
 * index spaces and call functions outside their own code through {@link #call}.
 */
public abstract class InstanceState {

    public final ValidatedModule module;
    public final Store store;
    public final WasmFunction[] functions;
    public final Table[] tables;
    public final Memory[] memories;
    public final Global[] globals;
    /** Element segments as reference handles. */
    public final long[][] elementSegments;
    public final byte[][] dataSegments;

    protected InstanceState(ValidatedModule module, Store store, int functions, int tables, int memories, int globals) {
        this.module = module;
        this.store = store;
        this.functions = new WasmFunction[functions];
        this.tables = new Table[tables];
        this.memories = new Memory[memories];
        this.globals = new Global[globals];
        this.elementSegments = new long[module.module().elements().size()][];
        this.dataSegments = new byte[module.module().data().size()][];
    }

    /**
     * Calls {@code callee} (an import, a host function, another module's or engine's code) on
     * behalf of this instance's code: a host function receives this instance as its caller, so
     * that it can reach the caller's memory (spec 4.4.9, invocation of host functions).
     */
    public abstract long[] call(WasmFunction callee, long[] args);

    /** Memory 0, or null when the module has none; engines re-read it since grow replaces buffers, not memories. */
    public Memory memory() {
        return memories.length == 0 ? null : memories[0];
    }
}
