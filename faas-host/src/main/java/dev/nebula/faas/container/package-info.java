/**
 * Container functions: one real container per call, run as {@code docker run --rm -i IMAGE} runs
 * it, through the {@code podman} or {@code docker} command line (the way the engine's users drive
 * it; no Engine API client library). {@link dev.nebula.faas.container.ContainerDriver} is the
 * entry point; an engine that is missing or not answering is an
 * {@link dev.nebula.faas.container.EngineUnavailableException}.
 */
package dev.nebula.faas.container;
