package dev.nebula.aot.internal;

import dev.nebula.runtime.Global;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.spi.InstanceState;

/**
 * One module instance (spec 4.2.5) as compiled code sees it: the last parameter of every
 * generated method. The index spaces are the {@link InstanceState}'s own arrays (which the
 * runtime fills in after the functions exist), reachable with one field load. Public only because
 * generated classes live in their own class loader and reach it from there.
 */
public final class AotInstance {

    public final InstanceState state;
    public final AotModule module;
    public final Store store;
    public final WasmFunction[] functions;
    public final Global[] globals;
    public final Table[] tables;
    public final Memory[] memories;
    /** The engine's call-depth limit ({@code EngineConfig.maxCallDepth}), from which calls from outside count down. */
    public final int maxCallDepth;

    AotInstance(InstanceState state, AotModule module) {
        this.state = state;
        this.module = module;
        this.store = state.store;
        this.functions = state.functions;
        this.globals = state.globals;
        this.tables = state.tables;
        this.memories = state.memories;
        this.maxCallDepth = state.store.config().maxCallDepth();
    }
}
