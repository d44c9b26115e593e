package dev.nebula.runtime;

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
 * Runs guest (Wasm) code on a thread with a large stack, so that deep recursion ends in the
 * engine's own "call stack exhausted" trap rather than in a {@link StackOverflowError} of
 * whatever thread happened to call: the AOT engine runs Wasm calls as Java calls and needs the
 * room for its 10,000-frame depth limit. The JVM reserves a thread's stack lazily, so a big one
 * costs address space, not memory.
 *
 * <p>Two shapes: an instance is one worker thread that runs tasks one after another
 * ({@link #call}; it ends after a few idle seconds, so an idle {@code GuestThread} holds no
 * thread), and {@link #callOnce} runs one task on a fresh thread. A task that overruns its time
 * limit is interrupted and left behind: guest code notices only a store deadline
 * ({@link Store#setDeadline}), so set one too when the limit matters.
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
     * Runs {@code task} once on a new thread of {@code stackBytes} and waits for it however long
     * it takes: its result, or its exception or error rethrown as is.
     */
    public static <T> T callOnce(String threadName, long stackBytes, Callable<T> task) throws Exception {
        Once<T> once = new Once<>(task);
        Thread thread = new Thread(null, once, threadName, stackBytes);
        thread.start();
        thread.join();
        return once.outcome();
    }

    /**
     * Runs {@code task} on a new daemon thread of {@code stackBytes} (a daemon, because a guest
     * may leave threads of its own behind) and waits at most {@code limit}.
     *
     * @throws TimeoutException when it has not finished within {@code limit}; the thread is
     *         interrupted and left behind
     */
    public static <T> T callOnce(String threadName, long stackBytes, Duration limit, Callable<T> task) throws Exception {
        Once<T> once = new Once<>(task);
        Thread thread = new Thread(null, once, threadName, stackBytes);
        thread.setDaemon(true);
        thread.start();
        thread.join(Math.max(1, limit.toMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            throw new TimeoutException(threadName + " did not finish within " + limit.toMillis() + " ms");
        }
        return once.outcome();
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

        T outcome() throws Exception {
            if (failure instanceof Exception e) throw e;
            if (failure instanceof Error err) throw err;
            return result;
        }
    }
}
