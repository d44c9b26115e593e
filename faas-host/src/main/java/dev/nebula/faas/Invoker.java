package dev.nebula.faas;

/**
 * One deployed function, ready to run. {@link #invoke} is called on a guest thread (large
 * stack), concurrently from several threads; each call must be isolated from every other one.
 */
public interface Invoker extends AutoCloseable {

    /**
     * Runs one invocation to its end, within the function's limits, and says what happened.
     * Never throws for anything the guest does: traps, exits and exceeded limits are outcomes.
     */
    InvocationResult invoke(Invocation invocation);

    /** Releases what the prepared function holds; calls still running may finish. */
    @Override
    default void close() {
    }
}
