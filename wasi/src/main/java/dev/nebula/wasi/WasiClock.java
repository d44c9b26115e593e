package dev.nebula.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clocks behind {@code clock_time_get}, {@code clock_res_get} and the clock subscriptions of
 * {@code poll_oneoff}, in nanoseconds. {@link #system()} is the real one; {@link #deterministic}
 * gives tests the same times on every run.
 */
public interface WasiClock {

    /** Wall-clock time since 1970-01-01T00:00Z (preview1 {@code clockid::realtime}). */
    long realtimeNanos();

    /** A clock that never goes backwards, from an arbitrary origin ({@code clockid::monotonic}). */
    long monotonicNanos();

    /** CPU time of the program ({@code clockid::process_cputime_id}). */
    default long processCpuNanos() {
        return monotonicNanos();
    }

    /** CPU time of the calling thread ({@code clockid::thread_cputime_id}). */
    default long threadCpuNanos() {
        return processCpuNanos();
    }

    /** The resolution reported by {@code clock_res_get} for every clock. */
    default long resolutionNanos() {
        return 1;
    }

    /** Waits {@code nanos}; a deterministic clock just moves on instead. */
    default void sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) return;
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /** The host's clocks: {@link java.time.Instant#now()}, {@link System#nanoTime()} and thread CPU time. */
    static WasiClock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * A clock that starts at {@code startRealtimeNanos} (and at 0 for the monotonic clock) and
     * advances by {@code stepNanos} on every reading and by the full duration of every sleep, so
     * that a program sees time pass, always the same way.
     */
    static WasiClock deterministic(long startRealtimeNanos, long stepNanos) {
        return new DeterministicClock(startRealtimeNanos, stepNanos);
    }

    /** The host's clocks. */
    final class SystemClock implements WasiClock {
        static final SystemClock INSTANCE = new SystemClock();

        /** Loaded on the first CPU-clock reading: the management beans cost start-up time most programs never use. */
        private static final class Threads {
            static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
        }

        private SystemClock() {
        }

        @Override
        public long realtimeNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public long threadCpuNanos() {
            long t = Threads.BEAN.isCurrentThreadCpuTimeSupported() ? Threads.BEAN.getCurrentThreadCpuTime() : -1;
            return t >= 0 ? t : System.nanoTime();
        }

        @Override
        public long processCpuNanos() {
            // The JVM's process CPU time includes the compiler and GC threads; the program's
            // own thread is the closer analogue of a native process's CPU time.
            return threadCpuNanos();
        }

        @Override
        public long resolutionNanos() {
            return 1_000;
        }
    }

    /** Time that moves only when read or slept on. */
    final class DeterministicClock implements WasiClock {
        private final long startRealtime;
        private final long step;
        private long elapsed;

        DeterministicClock(long startRealtime, long step) {
            if (step < 0) throw new IllegalArgumentException("step must not be negative");
            this.startRealtime = startRealtime;
            this.step = step;
        }

        @Override
        public synchronized long realtimeNanos() {
            elapsed += step;
            return startRealtime + elapsed;
        }

        @Override
        public synchronized long monotonicNanos() {
            elapsed += step;
            return elapsed;
        }

        @Override
        public synchronized void sleep(long nanos) {
            if (nanos > 0) elapsed += nanos;
        }
    }
}
