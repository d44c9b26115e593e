package dev.nebula.aot.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Compiles a module's classes on several threads. Each generated class depends only on the
 * module and its own functions, so the bytes are the same whatever the order or the number of
 * threads: the output stays deterministic (the cache and the tests compare it byte for byte).
 *
 * <p>Plain threads rather than the common fork-join pool: compilation recurses over nested blocks,
 * so every worker gets the same large stack as the guest thread that compiles on its own, and an
 * exception reaches the caller as itself (the fork-join pool may rethrow a copy).
 */
final class ParallelClasses {

    /** System property capping the compiler's threads; 1 compiles on the caller's thread alone. */
    static final String THREADS_PROPERTY = "nebula.aot.compileThreads";
    /** Stack of each worker: deeply nested blocks recurse in the compiler. */
    private static final long WORKER_STACK_BYTES = 256L << 20;

    private ParallelClasses() {
    }

    /**
     * Runs {@code task} for every index below {@code count} on up to {@code threads} threads, the
     * caller's one of them; returns when all are done, throwing what the lowest failing index threw.
     */
    static void run(int count, int threads, IntConsumer task) {
        threads = Math.min(count, threads);
        if (threads <= 1) {
            for (int i = 0; i < count; i++) task.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        // the failure of the lowest index, as a sequential run would report it: indices are handed
        // out in order, and only those above a failed one are skipped, so every lower one is tried
        Throwable[] failure = new Throwable[1];
        int[] failedAt = {Integer.MAX_VALUE};
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                synchronized (failure) {
                    if (failedAt[0] < i) return;
                }
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    synchronized (failure) {
                        if (i < failedAt[0]) {
                            failure[0] = t;
                            failedAt[0] = i;
                        }
                    }
                    return;
                }
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(null, worker, "nebula-aot-compile-" + t, WORKER_STACK_BYTES);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = failure[0];
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    /** The processors, or the system property {@value #THREADS_PROPERTY} if set. */
    static int defaultThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger(THREADS_PROPERTY, cores));
    }
}
