package dev.nebula.wasi.internal;

import dev.nebula.wasi.WasiClock;

import static dev.nebula.wasi.internal.WasiCall.i32;

/** {@code clock_res_get} and {@code clock_time_get} (preview1): timestamps in nanoseconds. */
final class ClockFunctions {

    private final WasiContext ctx;

    ClockFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code clock_res_get(id: clockid) -> timestamp}; an unknown clock is EINVAL. */
    int resGet(GuestMemory m, long[] a) {
        int id = i32(a, 0);
        int out = i32(a, 1);
        now(ctx.clock(), id); // validates the id
        m.writeLong(out, ctx.clock().resolutionNanos());
        return Errno.SUCCESS;
    }

    /**
     * {@code clock_time_get(id: clockid, precision: timestamp) -> timestamp}. The precision is a
     * hint the spec lets an implementation ignore.
     */
    int timeGet(GuestMemory m, long[] a) {
        int id = i32(a, 0);
        int out = i32(a, 2);
        m.check(out, 8);
        m.writeLong(out, now(ctx.clock(), id));
        return Errno.SUCCESS;
    }

    static long now(WasiClock clock, int id) {
        switch (id) {
            case Flags.CLOCK_REALTIME: return clock.realtimeNanos();
            case Flags.CLOCK_MONOTONIC: return clock.monotonicNanos();
            case Flags.CLOCK_PROCESS_CPUTIME: return clock.processCpuNanos();
            case Flags.CLOCK_THREAD_CPUTIME: return clock.threadCpuNanos();
            default: throw new WasiError(Errno.INVAL);
        }
    }
}
