package dev.nebula.runtime;

import dev.nebula.runtime.spi.InstanceState;
import dev.nebula.validator.ValidatedModule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A module instance (spec 4.2.5) and its exports, looked up by name and kind. */
public final class Instance {

    private final WasmModule module;
    private final State state;
    private final Map<String, Extern> exports;

    /** Called once per state, by the runtime's instantiation, after the state's index spaces are filled. */
    Instance(WasmModule module, State state, Map<String, Extern> exports) {
        this.module = module;
        this.state = state;
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        state.bind(this);
    }

    public WasmModule module() {
        return module;
    }

    public Store store() {
        return state.store;
    }

    /** All exports by name, in the module's export order. */
    public Map<String, Extern> exports() {
        return exports;
    }

    public Extern export(String name) {
        Extern e = exports.get(name);
        if (e == null) throw new IllegalArgumentException("no export named \"" + name + "\"");
        return e;
    }

    public WasmFunction function(String name) {
        return typed(name, WasmFunction.class, "function");
    }

    public Memory memory(String name) {
        return typed(name, Memory.class, "memory");
    }

    public Table table(String name) {
        return typed(name, Table.class, "table");
    }

    public Global global(String name) {
        return typed(name, Global.class, "global");
    }

    /** The instance's memory 0, whether exported or not; null when it has none. */
    public Memory defaultMemory() {
        return state.memory();
    }

    private <T extends Extern> T typed(String name, Class<T> kind, String what) {
        Extern e = export(name);
        if (!kind.isInstance(e)) throw new IllegalArgumentException("export \"" + name + "\" is not a " + what);
        return kind.cast(e);
    }

    /**
     * The engines' view of this instance. It refers to its Instance, not the SPI's class, so that
     * a host function called from the instance's code gets the instance as its caller. The
     * Instance comes after the state (exports are read out of the filled index spaces), hence the
     * one late bind; no code of the instance runs before it.
     */
    static final class State extends InstanceState {
        private Instance owner;

        State(ValidatedModule module, Store store, int functions, int tables, int memories, int globals) {
            super(module, store, functions, tables, memories, globals);
        }

        void bind(Instance instance) {
            if (owner != null) throw new IllegalStateException("state already belongs to an instance");
            owner = instance;
        }

        @Override
        public long[] call(WasmFunction callee, long[] args) {
            return callee.invoke(owner, args);
        }
    }
}
