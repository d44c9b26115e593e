package dev.nebula.runtime;

import dev.nebula.decoder.model.FuncType;

/**
 * A function instance (spec 4.2.6): Wasm code of some instance, or a host function. Arguments
 * and results are {@code long}s as {@link Values} describes.
 */
public abstract non-sealed class WasmFunction implements Extern {

    private final FuncType type;

    protected WasmFunction(FuncType type) {
        this.type = type;
    }

    public final FuncType type() {
        return type;
    }

    /**
     * Calls the function from the embedder, with one {@code long} per argument and two for a v128
     * (low half first, see {@link ValueSlots}). Traps surface as {@link dev.nebula.wasm.TrapException};
     * a host function's own exception passes through unchanged.
     */
    public final long[] call(long... args) {
        int expected = ValueSlots.count(type.params());
        if (args.length != expected) {
            throw new IllegalArgumentException(describe() + " takes " + expected + " argument values, got " + args.length);
        }
        return invoke(null, args);
    }

    /**
     * Calls the function on behalf of {@code caller}, the instance whose code makes the call (null
     * for the embedder). Engines use this form so that host functions can reach the caller's memory.
     */
    public abstract long[] invoke(Instance caller, long[] args);

    /** A name for stack traces and messages. */
    public abstract String describe();

    @Override
    public String toString() {
        return describe() + " " + type;
    }
}
