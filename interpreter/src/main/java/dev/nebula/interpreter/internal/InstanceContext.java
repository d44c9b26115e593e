package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.spi.InstanceState;

/**
 * What the interpreter loop needs of one module instance (spec 4.2.5), in fields it can reach
 * with one load: the index spaces of the {@link InstanceState} (whose arrays the runtime fills in
 * after the functions are created, so only the array references are copied here) and the
 * module's types for call_indirect.
 */
final class InstanceContext {

    final InstanceState state;
    final InterpretedModule module;
    final Store store;
    final WasmFunction[] functions;
    final Global[] globals;
    final Table[] tables;
    final FuncType[] types;
    private final Memory[] memories;

    InstanceContext(InstanceState state, InterpretedModule module) {
        this.state = state;
        this.module = module;
        this.store = state.store;
        this.functions = state.functions;
        this.globals = state.globals;
        this.tables = state.tables;
        this.memories = state.memories;
        this.types = module.types;
    }

    /** Memory 0, or null when the module has none. */
    Memory memory() {
        return memories.length == 0 ? null : memories[0];
    }

    /**
     * The current bytes of memory 0 (null without a memory). The loop re-reads them after every
     * call and memory.grow, since growing replaces the array.
     */
    byte[] buffer() {
        if (memories.length == 0) return null;
        return memories[0].buffer();
    }
}
