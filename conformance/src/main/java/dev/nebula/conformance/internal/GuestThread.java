package dev.nebula.conformance.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs guest (Wasm) code of the conformance harnesses on threads with a large stack, so that deep
 * recursion ends in the engine's own "call stack exhausted" trap rather than in a
 * {@link StackOverflowError}, and under a time limit, so that a stuck engine fails a test instead
 * of hanging the run. The JVM reserves a thread's stack lazily: a big one costs address space,
 * not memory.
 *
 * <p>Two shapes: an instance is one worker thread that runs a script's commands one after
 * another ({@link #call}; it ends after a few idle seconds), and {@link #callOnce} runs one task
 * on a fresh daemon thread (a WASI test, whose program may leave threads of its own). A task
 * that overruns is interrupted and left behind (an engine running a Wasm loop need not notice).
 */
public final class GuestThread {

    /** 512 MiB, as {@code nebula run} gives its guest thread: far more than the engines' call-depth limit needs. */
    public static final long DEFAULT_STACK_BYTES = 512L << 20;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ThreadPoolExecutor executor;

    public GuestThread(String name, long stackBytes) {
        executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(null, task, name + "-" + COUNTER.incrementAndGet(), stackBytes);
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} on this worker and waits at most {@code timeoutMillis} for it. Its
     * exception or error is rethrown here as is (checked exceptions wrapped in
     * {@link ExecutionException}). On timeout the task is interrupted and left behind, and the
     * worker stays busy with it: the caller should give up on this worker.
     */
    public <T> T call(Callable<T> task, long timeoutMillis) throws ExecutionException, TimeoutException, InterruptedException {
        Future<T> future = executor.submit(task);
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /**
     * Runs {@code task} on a new daemon thread of {@code stackBytes} and waits at most
     * {@code limit}: its result, or its exception or error rethrown as is.
     *
     * @throws TimeoutException when it has not finished within {@code limit}
     */
    public static <T> T callOnce(String threadName, long stackBytes, Duration limit, Callable<T> task) throws Exception {
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
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return ms + " ms";
    }
}
