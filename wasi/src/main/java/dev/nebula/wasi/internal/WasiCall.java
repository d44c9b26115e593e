package dev.nebula.wasi.internal;

import java.io.IOException;

/**
 * The body of one preview1 function: reads its arguments (Wasm values as longs, as the runtime
 * passes them) and returns an errno. Failures may also be thrown as {@link WasiError} or
 * {@link IOException}; {@link Preview1} turns them into the errno.
 */
@FunctionalInterface
public interface WasiCall {

    int call(GuestMemory memory, long[] args) throws IOException;

    /** Argument {@code i} as an i32 (pointers, lengths, fds and flags are unsigned in it). */
    static int i32(long[] args, int i) {
        return (int) args[i];
    }

    /** Argument {@code i} as an i64. */
    static long i64(long[] args, int i) {
        return args[i];
    }
}
