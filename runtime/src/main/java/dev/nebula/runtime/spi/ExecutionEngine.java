package dev.nebula.runtime.spi;

import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.decoder.model.DecodedModule;
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

    /**
     * Code this engine compiled and kept earlier (a cache) from a module with exactly these bytes,
     * which had passed validation then, or null. The runtime then skips validating the module
     * again. The default keeps nothing.
     */
    default Precompiled precompiled(DecodedModule module, EngineConfig config) {
        return null;
    }

    /** A module validated before and its code; see {@link ValidatedModule#validatedBefore}. */
    record Precompiled(ValidatedModule module, CompiledCode code) {
    }
}
