package dev.nebula.faas;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run guest code: at most {@code maxThreads}, each with a large stack so that
 * deep guest recursion ends in the engine's own "call stack exhausted" trap (the JVM reserves a
 * stack lazily, so a big one costs address space, not memory). Admission is by permit: a call
 * that finds no free permit is refused at once (the host answers 429), so work never queues
 * without bound. Idle threads end after a while.
 */
final class GuestExecutor implements AutoCloseable {

    static final String THREAD_PREFIX = "nebula-guest-";

    private final ThreadPoolExecutor pool;
    private final Semaphore permits;

    GuestExecutor(int maxThreads, long stackBytes) {
        AtomicInteger counter = new AtomicInteger();
        // The queue never holds more than maxThreads tasks: every task first takes a permit.
        pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(null, task, THREAD_PREFIX + counter.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        permits = new Semaphore(maxThreads);
    }

    /** Takes a host-wide permit if one is free; never waits. */
    boolean tryAdmit() {
        return permits.tryAcquire();
    }

    /** Runs {@code task} on a guest thread; the permit taken by {@link #tryAdmit()} is returned when it ends. */
    <T> Future<T> submit(Callable<T> task) {
        try {
            return pool.submit(() -> {
                try {
                    return task.call();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw e;
        }
    }

    /** Guest calls running or about to run. */
    int busy() {
        return pool.getMaximumPoolSize() - permits.availablePermits();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
