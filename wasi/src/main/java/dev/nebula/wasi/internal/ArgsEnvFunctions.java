package dev.nebula.wasi.internal;

import java.util.List;

import static dev.nebula.wasi.internal.WasiCall.i32;

/**
 * {@code args_get}, {@code args_sizes_get}, {@code environ_get} and {@code environ_sizes_get}
 * (preview1): the program's argv and environment as NUL-terminated UTF-8 strings in a buffer the
 * program sized with the *_sizes_get call, plus an array of pointers into it.
 */
final class ArgsEnvFunctions {

    private final WasiContext ctx;

    ArgsEnvFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code args_sizes_get() -> (size, size)}: the count and the total bytes, NULs included. */
    int argsSizesGet(GuestMemory m, long[] a) {
        return sizes(m, ctx.args(), i32(a, 0), i32(a, 1));
    }

    /** {@code args_get(argv: Pointer<Pointer<u8>>, argv_buf: Pointer<u8>)}. */
    int argsGet(GuestMemory m, long[] a) {
        return strings(m, ctx.args(), i32(a, 0), i32(a, 1));
    }

    /** {@code environ_sizes_get() -> (size, size)}. */
    int environSizesGet(GuestMemory m, long[] a) {
        return sizes(m, ctx.env(), i32(a, 0), i32(a, 1));
    }

    /** {@code environ_get(environ: Pointer<Pointer<u8>>, environ_buf: Pointer<u8>)}; entries are "name=value". */
    int environGet(GuestMemory m, long[] a) {
        return strings(m, ctx.env(), i32(a, 0), i32(a, 1));
    }

    private static int sizes(GuestMemory m, List<byte[]> strings, int countPtr, int bytesPtr) {
        long total = 0;
        for (byte[] s : strings) total += s.length + 1;
        m.check(countPtr, 4);
        m.check(bytesPtr, 4);
        m.writeInt(countPtr, strings.size());
        m.writeInt(bytesPtr, (int) total);
        return Errno.SUCCESS;
    }

    private static int strings(GuestMemory m, List<byte[]> strings, int pointers, int buffer) {
        long total = 0;
        for (byte[] s : strings) total += s.length + 1;
        // Check both areas first so that a bad pointer leaves memory untouched.
        m.check(pointers, 4L * strings.size());
        m.check(buffer, total);
        int at = buffer;
        for (int i = 0; i < strings.size(); i++) {
            byte[] s = strings.get(i);
            m.writeInt(pointers + 4 * i, at);
            m.write(at, s);
            m.writeByte(at + s.length, 0);
            at += s.length + 1;
        }
        return Errno.SUCCESS;
    }
}
