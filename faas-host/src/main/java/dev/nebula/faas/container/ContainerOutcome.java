package dev.nebula.faas.container;

/** How a container call ended. */
public enum ContainerOutcome {
    /** The function exited by itself; its exit code says how it went. */
    EXITED,
    /** The call passed its timeout: the container was killed and removed. */
    TIMED_OUT,
    /** The host cancelled the call (its own deadline, or shutting down): the container was killed and removed. */
    CANCELLED,
    /** Stdout passed its cap: the container was killed and removed. */
    OUTPUT_LIMIT,
    /**
     * The function was killed by SIGKILL (exit 137) that the driver did not send: under
     * {@code --memory}, the kernel's out-of-memory killer.
     */
    MEMORY_LIMIT
}
