package dev.nebula.faas;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs invocations: admits a call only if its function and the host both have a free permit
 * (else refuses it at once, no queue), runs it on a guest thread, and waits for it no longer
 * than its timeout. A guest that is still running then is cancelled (store interrupted, thread
 * interrupted) and given a short grace to come back with its real outcome; one that does not is
 * answered as a timeout and left to end on its own, still holding its permits, so a stuck guest
 * lowers capacity instead of piling up threads.
 */
public final class InvocationService implements AutoCloseable {

    private static final long DEADLINE_MARGIN_MS = 100;

    private final GuestExecutor executor;
    private final HostMetrics metrics;
    private final Duration grace;
    private final int maxConcurrent;
    private final AtomicInteger abandoned = new AtomicInteger();

    public InvocationService(int maxConcurrent, long guestStackBytes, Duration grace, HostMetrics metrics) {
        this.executor = new GuestExecutor(maxConcurrent, guestStackBytes);
        this.maxConcurrent = maxConcurrent;
        this.metrics = metrics;
        this.grace = grace;
    }

    /** Runs {@code function} with {@code stdin}; never throws for what the guest does. */
    public InvocationResult invoke(DeployedFunction function, byte[] stdin, long receivedNanos) {
        if (!function.tryEnter()) {
            return refuse(function, Outcome.CONCURRENCY_LIMIT, "function \"" + function.name() + "\" already runs its max_concurrency="
                    + function.limits().maxConcurrency() + " calls", receivedNanos);
        }
        if (!executor.tryAdmit()) {
            function.leave();
            return refuse(function, Outcome.CONCURRENCY_LIMIT, "the host already runs its maximum of " + maxConcurrent + " calls", receivedNanos);
        }
        metrics.started();
        CancelSignal cancel = new CancelSignal();
        Future<InvocationResult> running;
        try {
            running = executor.submit(() -> runOnGuestThread(function, new Invocation(stdin, receivedNanos, cancel)));
        } catch (RejectedExecutionException e) {
            function.leave();
            metrics.finished();
            return refuse(function, Outcome.INTERNAL, "the host is shutting down", receivedNanos);
        }
        InvocationResult result = await(function, running, cancel, receivedNanos);
        metrics.invocation(function.name(), result, true);
        function.recent().add(System.currentTimeMillis(), result);
        return result;
    }

    private InvocationResult runOnGuestThread(DeployedFunction function, Invocation invocation) {
        Thread self = Thread.currentThread();
        invocation.cancel().onCancel(self::interrupt);
        try {
            return function.invoker().invoke(invocation);
        } finally {
            invocation.cancel().finish();
            Thread.interrupted(); // a cancel that raced with the end must not reach the thread's next task
            function.leave();
            metrics.finished();
        }
    }

    private InvocationResult await(DeployedFunction function, Future<InvocationResult> running, CancelSignal cancel, long receivedNanos) {
        long timeoutMs = function.limits().timeoutMs();
        try {
            try {
                // A little past the timeout, so that the store's own deadline, which stops the
                // guest at its next branch, normally ends the call and this is only the backstop.
                return running.get(timeoutMs + DEADLINE_MARGIN_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException first) {
                cancel.cancel();
                try {
                    return running.get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException second) {
                    abandoned.incrementAndGet();
                    return InvocationResult.refused(Outcome.TIMEOUT, "the function ran past its timeout of " + timeoutMs
                            + " ms and did not stop within " + grace.toMillis() + " ms of being interrupted; its thread is left to end", receivedNanos);
                }
            }
        } catch (ExecutionException e) {
            return InvocationResult.refused(Outcome.INTERNAL, "internal error: " + e.getCause(), receivedNanos);
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            return InvocationResult.refused(Outcome.INTERNAL, "the host is shutting down", receivedNanos);
        }
    }

    private InvocationResult refuse(DeployedFunction function, Outcome outcome, String message, long receivedNanos) {
        InvocationResult result = InvocationResult.refused(outcome, message, receivedNanos);
        metrics.invocation(function.name(), result, false);
        return result;
    }

    /** Counts a call refused before admission (body over its cap), for the metrics. */
    public void refusedBody(DeployedFunction function, String message, long receivedNanos) {
        refuse(function, Outcome.BODY_LIMIT, message, receivedNanos);
    }

    /** Guest calls running now. */
    public int busy() {
        return executor.busy();
    }

    /** Guests that outlived their timeout and grace (each still holds its thread until it ends). */
    public int abandoned() {
        return abandoned.get();
    }

    @Override
    public void close() {
        executor.close();
    }
}
