package dev.nebula.faas.container;

import java.time.Duration;
import java.util.Objects;

/**
 * What one container call may use.
 *
 * @param timeout wall-clock time from the request until the engine's command returns; past it the
 *                container is killed and removed
 * @param memoryBytes the container's memory limit ({@code --memory}); engines refuse less than
 *                    6 MiB
 * @param maxStdoutBytes stdout kept; one byte more kills the container (an output flood is an
 *                       error, not a truncated answer)
 * @param maxStderrBytes stderr kept; the rest is read and dropped
 */
public record ContainerLimits(Duration timeout, long memoryBytes, int maxStdoutBytes, int maxStderrBytes) {

    /** Podman's and Docker's smallest accepted {@code --memory}. */
    public static final long MIN_MEMORY_BYTES = 6L << 20;

    /** 10 s, 128 MiB, 1 MiB of stdout, 64 KiB of stderr. */
    public static final ContainerLimits DEFAULT = new ContainerLimits(Duration.ofSeconds(10), 128L << 20, 1 << 20, 64 << 10);

    public ContainerLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("memory limit " + memoryBytes + " bytes is below the engines' minimum of " + MIN_MEMORY_BYTES);
        }
        if (maxStdoutBytes < 0 || maxStderrBytes < 0) throw new IllegalArgumentException("output caps must not be negative");
    }

    public ContainerLimits withTimeout(Duration newTimeout) {
        return new ContainerLimits(newTimeout, memoryBytes, maxStdoutBytes, maxStderrBytes);
    }

    public ContainerLimits withMemoryBytes(long bytes) {
        return new ContainerLimits(timeout, bytes, maxStdoutBytes, maxStderrBytes);
    }

    public ContainerLimits withMaxStdoutBytes(int bytes) {
        return new ContainerLimits(timeout, memoryBytes, bytes, maxStderrBytes);
    }
}
