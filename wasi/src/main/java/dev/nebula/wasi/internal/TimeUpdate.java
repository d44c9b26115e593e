package dev.nebula.wasi.internal;

import dev.nebula.wasi.WasiClock;

/**
 * The new access and modification times asked for by {@code fd_filestat_set_times} and
 * {@code path_filestat_set_times} (preview1 {@code fstflags}): each time is left alone, set to
 * the given value, or set to now. Asking for both a value and "now" for the same time is EINVAL,
 * as utimensat(2) would make of it and as the testsuite's fstflags_validate expects.
 */
public record TimeUpdate(Long atim, Long mtim) {

    public static TimeUpdate of(int fstflags, long atim, long mtim, WasiClock clock) {
        if ((fstflags & ~(Flags.FST_ATIM | Flags.FST_ATIM_NOW | Flags.FST_MTIM | Flags.FST_MTIM_NOW)) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        boolean setA = (fstflags & Flags.FST_ATIM) != 0;
        boolean nowA = (fstflags & Flags.FST_ATIM_NOW) != 0;
        boolean setM = (fstflags & Flags.FST_MTIM) != 0;
        boolean nowM = (fstflags & Flags.FST_MTIM_NOW) != 0;
        if ((setA && nowA) || (setM && nowM)) throw new WasiError(Errno.INVAL);
        long now = nowA || nowM ? clock.realtimeNanos() : 0;
        Long a = setA ? Long.valueOf(atim) : nowA ? Long.valueOf(now) : null;
        Long m = setM ? Long.valueOf(mtim) : nowM ? Long.valueOf(now) : null;
        return new TimeUpdate(a, m);
    }

    public boolean isEmpty() {
        return atim == null && mtim == null;
    }
}
