package dev.nebula.runtime;

import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.ExecutionEngine;
import dev.nebula.validator.ValidatedModule;

/**
 * A stand-in engine for the runtime's own tests, which have no real engine on their path: it
 * poses as the interpreter so that stores get a real {@link EngineConfig}, and refuses to compile
 * code. Given to {@link Engine#create(EngineConfig, ExecutionEngine)} rather than found by ServiceLoader, since the tests run inside the named
 * module {@code dev.nebula.runtime}, whose providers only its descriptor could declare.
 */
public final class CodelessEngine implements ExecutionEngine {

    CodelessEngine() {
    }

    /** An engine whose stores allow {@code maxMemoryPages} pages. */
    static Engine withMaxMemoryPages(int maxMemoryPages) {
        return Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER).withMaxMemoryPages(maxMemoryPages), new CodelessEngine());
    }

    static Engine create() {
        return Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER), new CodelessEngine());
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
