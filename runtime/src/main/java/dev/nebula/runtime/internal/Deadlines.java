package dev.nebula.runtime.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for the deadlines of every store in the process. A deadline is a task
 * that raises the store's interrupt flag; guest code only ever reads that flag, so the clock is
 * never consulted on the hot path. Cancelled deadlines are removed at once, so a host that sets
 * one per invocation does not accumulate them.
 */
public final class Deadlines {

    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private Deadlines() {
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "nebula-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code action} once {@code delay} has passed; cancel the returned future to take it back. */
    public static ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        long nanos;
        try {
            nanos = Math.max(0, delay.toNanos());
        } catch (ArithmeticException beyond292Years) {
            nanos = Long.MAX_VALUE;
        }
        return TIMER.schedule(action, nanos, TimeUnit.NANOSECONDS);
    }
}
