package dev.nebula.faas.container;

import java.util.OptionalLong;

/**
 * Where a container call's time went, in microseconds.
 *
 * @param startupMicros request until the function's {@code main} began, from its start stamp
 *                      (empty when it did not stamp); this is the container's cold start
 * @param runMicros {@code main} began until the engine's command returned (container removal
 *                  included, as {@code docker run --rm} includes it); the whole call when there is
 *                  no stamp
 * @param totalMicros request until the engine's command returned
 * @param cpuMicros CPU time of the call's cgroup tree: the engine's command, its monitor
 *                  (conmon) and the container (empty without cgroup accounting)
 * @param peakMemoryBytes the highest memory use of the container and its monitor (empty without
 *                        cgroup accounting)
 */
public record ContainerTimings(OptionalLong startupMicros, long runMicros, long totalMicros,
                               OptionalLong cpuMicros, OptionalLong peakMemoryBytes) {
}
