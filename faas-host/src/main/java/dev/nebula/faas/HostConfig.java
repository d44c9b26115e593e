package dev.nebula.faas;

import dev.nebula.runtime.EngineKind;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link FaasHost} runs.
 *
 * @param bindAddress              the address to listen on; 127.0.0.1 unless the host is meant to be reachable from elsewhere
 * @param port                     the TCP port; 0 picks a free one
 * @param dataFolder               where functions and the token are kept
 * @param defaults                 the limits of a function deployed without them
 * @param maxConcurrentInvocations calls running at once across all functions; more get 429
 * @param maxModuleBytes           the largest artifact a deploy accepts; more gets 413
 * @param guestStackBytes          the stack of each guest thread
 * @param grace                    how long a timed-out guest gets to come back after being interrupted
 * @param engine                   the engine that compiles and runs Wasm functions
 */
public record HostConfig(String bindAddress, int port, Path dataFolder, FunctionLimits defaults,
                         int maxConcurrentInvocations, long maxModuleBytes, long guestStackBytes, Duration grace,
                         EngineKind engine) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_CONCURRENT_INVOCATIONS = 256;
    public static final long DEFAULT_MAX_MODULE_BYTES = 64L << 20;
    /** 512 MiB, as {@code nebula run} uses: reserved lazily, so idle threads cost address space only. */
    public static final long DEFAULT_GUEST_STACK_BYTES = 512L << 20;

    public HostConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        if (maxConcurrentInvocations < 1) throw new IllegalArgumentException("maxConcurrentInvocations must be positive");
        if (maxModuleBytes < 8) throw new IllegalArgumentException("maxModuleBytes must be at least 8");
        if (engine == null) throw new IllegalArgumentException("engine must be set");
    }

    public static HostConfig defaults(Path dataFolder) {
        return new HostConfig(DEFAULT_BIND, DEFAULT_PORT, dataFolder, FunctionLimits.DEFAULTS,
                DEFAULT_MAX_CONCURRENT_INVOCATIONS, DEFAULT_MAX_MODULE_BYTES, DEFAULT_GUEST_STACK_BYTES, Duration.ofSeconds(1),
                EngineKind.INTERPRETER);
    }

    public HostConfig withBind(String address, int newPort) {
        return new HostConfig(address, newPort, dataFolder, defaults, maxConcurrentInvocations, maxModuleBytes, guestStackBytes, grace, engine);
    }

    public HostConfig withMaxConcurrentInvocations(int max) {
        return new HostConfig(bindAddress, port, dataFolder, defaults, max, maxModuleBytes, guestStackBytes, grace, engine);
    }

    public HostConfig withMaxModuleBytes(long max) {
        return new HostConfig(bindAddress, port, dataFolder, defaults, maxConcurrentInvocations, max, guestStackBytes, grace, engine);
    }

    public HostConfig withEngine(EngineKind kind) {
        return new HostConfig(bindAddress, port, dataFolder, defaults, maxConcurrentInvocations, maxModuleBytes, guestStackBytes, grace, kind);
    }
}
