package dev.nebula.wasi.testsuite;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task on a new daemon thread with a stack of a given size and waits for it at most a
 * given time. A task that overruns is interrupted and left behind (an engine running a Wasm loop
 * need not notice the interrupt), so the caller can go on; being a daemon, it does not keep the
 * JVM alive.
 */
final class TimedCall {

    private TimedCall() {
    }

    /**
     * The task's result, or its exception or error rethrown as is.
     *
     * @throws TimeoutException when it has not finished within {@code limit}
     */
    static <T> T call(String threadName, long stackBytes, Duration limit, Callable<T> task) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = task.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, threadName, stackBytes);
        thread.setDaemon(true);
        thread.start();
        thread.join(Math.max(1, limit.toMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            throw new TimeoutException(threadName + " did not finish within " + describe(limit));
        }
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] instanceof Error e) throw e;
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /** {@code 3 min}, {@code 90 s} or {@code 250 ms}. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return ms + " ms";
    }
}
