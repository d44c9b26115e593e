package dev.nebula.runtime;

import dev.nebula.decoder.model.FuncType;

/**
 * A function written in Java that Wasm code imports (spec 4.2.6, host functions), as a lambda:
 * {@code (caller, args) -> results}. {@code caller} is the instance whose code made the call
 * (null when the embedder calls directly), so that a host function can reach its memory.
 */
@FunctionalInterface
public interface HostFunction {

    long[] call(Instance caller, long[] args);

    /** Wraps {@code body} as a function of {@code type}, named {@code name} in stack traces. */
    static WasmFunction of(String name, FuncType type, HostFunction body) {
        return new WasmFunction(type) {
            @Override
            public long[] invoke(Instance caller, long[] args) {
                return body.call(caller, args);
            }

            @Override
            public String describe() {
                return "host " + name;
            }
        };
    }
}
