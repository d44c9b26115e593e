package dev.nebula.runtime;

import dev.nebula.runtime.spi.InstanceState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A module instance (spec 4.2.5) and its exports, looked up by name and kind. */
public final class Instance {

    private final WasmModule module;
    private final InstanceState state;
    private final Map<String, Extern> exports;

    Instance(WasmModule module, InstanceState state, Map<String, Extern> exports) {
        this.module = module;
        this.state = state;
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        state.attach(this);
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
}
