package dev.nebula.cli.guest;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs guest (Wasm) code on a thread of its own with a large stack, so that deep recursion ends
 * in the engine's own "call stack exhausted" trap rather than in a {@link StackOverflowError} of
 * whatever thread happened to call: an engine that runs Wasm calls as Java calls needs the room,
 * and the JVM reserves a thread's stack lazily, so a big one costs address space, not memory.
 *
 * <p>One worker thread runs the tasks one at a time, in order; it ends after a few idle seconds
 * and a new one starts with the next task, so an idle {@code GuestThread} holds no thread.
 */
public final class GuestThread {

    /** 512 MiB: far more than the engines' default call-depth limit needs. */
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
     * Runs {@code task} on the guest thread and waits at most {@code timeoutMillis} for it. Its
     * exception or error is rethrown here as is (checked exceptions wrapped in
     * {@link ExecutionException}). On timeout the task is interrupted and left behind.
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

    /** Runs {@code task} once on a new thread of {@code stackBytes} and waits for it however long it takes. */
    public static <T> T callOnce(String name, long stackBytes, Callable<T> task) throws Exception {
        Once<T> once = new Once<>(task);
        Thread thread = new Thread(null, once, name, stackBytes);
        thread.start();
        thread.join();
        if (once.failure instanceof Exception e) throw e;
        if (once.failure instanceof Error err) throw err;
        return once.result;
    }

    /**
     * {@link #callOnce}'s thread body, keeping the result or what was thrown. A class rather than
     * a lambda, whose call site would be linked through method handles at every start of
     * {@code nebula run}.
     */
    private static final class Once<T> implements Runnable {
        private final Callable<T> task;
        private T result;
        private Throwable failure;

        Once(Callable<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                result = task.call();
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
