package dev.nebula.runtime;

import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.ExecutionEngine;
import dev.nebula.validator.ValidatedModule;

/**
 * A stand-in engine for the runtime's own tests, which have no real engine on their class path:
 * it registers as the interpreter (test resources only) so that stores get a real
 * {@link EngineConfig}, and refuses to compile code.
 */
public final class CodelessEngine implements ExecutionEngine {

    /** An engine whose stores allow {@code maxMemoryPages} pages. */
    static Engine withMaxMemoryPages(int maxMemoryPages) {
        return Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER).withMaxMemoryPages(maxMemoryPages));
    }

    static Engine create() {
        return Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
    }

    @Override
    public EngineKind kind() {
        return EngineKind.INTERPRETER;
    }

    @Override
    public CompiledCode compile(ValidatedModule module, EngineConfig config) {
        throw new UnsupportedFeatureException("the runtime's tests run no code");
    }
}
