package dev.nebula.runtime.spi;

import dev.nebula.runtime.WasmFunction;

/** An engine's prepared form of a module's code. Immutable and thread-safe. */
public interface CompiledCode {

    /**
     * Creates the function instances of the module's defined functions for one instance, in
     * code-section order. They may read {@code state} lazily: its memories, tables, globals and
     * segments are filled in by the runtime before any of them is called.
     */
    WasmFunction[] createFunctions(InstanceState state);
}
