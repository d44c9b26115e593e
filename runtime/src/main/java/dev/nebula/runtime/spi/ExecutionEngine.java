package dev.nebula.runtime.spi;

import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.validator.ValidatedModule;

/**
 * What an execution engine implements. Engines register through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.nebula.runtime.spi.ExecutionEngine} file); the runtime does
 * everything else: decoding, validation, linking, segments, exports.
 */
public interface ExecutionEngine {

    EngineKind kind();

    /** Prepares a validated module's code once; the result is shared by all its instances and threads. */
    CompiledCode compile(ValidatedModule module, EngineConfig config);
}
