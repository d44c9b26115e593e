package dev.nebula.aot.internal;

/**
 * Implemented by each generated class of functions: calls one of its functions with arguments
 * and results in the embedding API's {@code long} form ({@link dev.nebula.runtime.Values}). The
 * way in from the embedder, host functions and other engines; compiled code calls compiled code
 * directly.
 */
public interface EntryPoints {

    /** {@code remaining} is the callee's remaining call depth: the limit minus the frames on the Wasm stack with it. */
    long[] call(int functionIndex, long[] args, int remaining, AotInstance instance);
}
