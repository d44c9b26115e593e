package dev.nebula.wasi.internal;

import dev.nebula.wasm.WasiExitException;

import static dev.nebula.wasi.internal.WasiCall.i32;

/**
 * {@code proc_exit}, {@code proc_raise}, {@code sched_yield} and {@code random_get} (preview1).
 */
final class ProcFunctions {

    /** random_get fills at most this much per host call, so a huge request cannot exhaust the heap. */
    private static final int RANDOM_CHUNK = 64 * 1024;

    private final WasiContext ctx;

    ProcFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@code proc_exit(rval: exitcode)}: ends the program. Standard output and error are flushed
     * first, then {@link WasiExitException} carries the code up through the Wasm frames; it is
     * not a trap.
     */
    void exit(long[] a) {
        ctx.fds().flushAll();
        throw new WasiExitException(i32(a, 0));
    }

    /** {@code proc_raise(sig: signal)}: there are no signals to deliver here, so ENOSYS. */
    int raise(GuestMemory m, long[] a) {
        return Errno.NOSYS;
    }

    /** {@code sched_yield()}: lets other JVM threads run. */
    int schedYield(GuestMemory m, long[] a) {
        Thread.yield();
        return Errno.SUCCESS;
    }

    /** {@code random_get(buf: Pointer<u8>, buf_len: size)}: fills the buffer from the configured source. */
    int randomGet(GuestMemory m, long[] a) {
        int buf = i32(a, 0);
        long len = i32(a, 1) & 0xFFFFFFFFL;
        m.check(buf, len);
        byte[] chunk = new byte[(int) Math.min(len, RANDOM_CHUNK)];
        for (long done = 0; done < len; done += chunk.length) {
            int n = (int) Math.min(chunk.length, len - done);
            if (n != chunk.length) chunk = new byte[n];
            ctx.random().fill(chunk);
            m.write((int) (buf + done), chunk);
        }
        return Errno.SUCCESS;
    }
}
