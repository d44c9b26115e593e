package dev.nebula.faas.container;

import java.time.Duration;
import java.util.Objects;

/**
 * Which container engine to drive, and how.
 *
 * @param executable the engine's command line program: {@code podman}, {@code docker}, or a path
 *                   to either (both take the same {@code run}, {@code kill}, {@code rm} and
 *                   {@code image inspect} arguments used here)
 * @param probeTimeout how long {@code EXECUTABLE info} may take before the engine counts as not
 *                     answering
 * @param cgroupAccounting whether to measure each call's CPU time and peak memory through a
 *                         cgroup of its own ({@code --cgroup-parent}); needs a writable
 *                         {@code /sys/fs/cgroup} (root). When the cgroups cannot be made, the
 *                         measures are simply absent from the result
 */
public record ContainerEngineConfig(String executable, Duration probeTimeout, boolean cgroupAccounting) {

    /** The environment variable that chooses the engine: {@code podman} (default) or {@code docker}. */
    public static final String ENGINE_VARIABLE = "NEBULA_CONTAINER_ENGINE";

    public ContainerEngineConfig {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        if (executable.isBlank()) throw new IllegalArgumentException("the engine executable is empty");
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("probeTimeout must be positive: " + probeTimeout);
        }
    }

    /**
     * The given engine program with a 10 s probe; cgroup accounting on for podman only, since
     * Docker with the systemd cgroup driver refuses a {@code --cgroup-parent} that is not a slice.
     */
    public static ContainerEngineConfig of(String executable) {
        boolean podman = java.nio.file.Path.of(executable).getFileName().toString().contains("podman");
        return new ContainerEngineConfig(executable, Duration.ofSeconds(10), podman);
    }

    /** The system property that chooses the engine, before {@value #ENGINE_VARIABLE} (tests set it). */
    public static final String ENGINE_PROPERTY = "nebula.container.engine";

    /** podman, or what {@value #ENGINE_PROPERTY} or {@value #ENGINE_VARIABLE} names. */
    public static ContainerEngineConfig fromEnvironment() {
        String chosen = System.getProperty(ENGINE_PROPERTY, System.getenv(ENGINE_VARIABLE));
        return of(chosen == null || chosen.isBlank() ? "podman" : chosen);
    }

    /** The same engine with cgroup accounting turned on or off. */
    public ContainerEngineConfig withCgroupAccounting(boolean on) {
        return new ContainerEngineConfig(executable, probeTimeout, on);
    }
}
