package dev.nebula.interpreter;

import dev.nebula.interpreter.internal.InterpretedModule;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.ExecutionEngine;
import dev.nebula.validator.ValidatedModule;

/**
 * Execution engine 1: an interpreter. Each function is translated once, on its first call, into a
 * compact register-style {@code int[]} code with resolved branch targets, and run by one switch
 * loop with an explicit frame stack, so the Wasm call depth never depends on the JVM's thread
 * stack. Found by {@link java.util.ServiceLoader} when {@link EngineKind#INTERPRETER} is configured.
 */
public final class InterpreterEngine implements ExecutionEngine {

    /** The no-argument constructor ServiceLoader calls. */
    public InterpreterEngine() {
    }

    @Override
    public EngineKind kind() {
        return EngineKind.INTERPRETER;
    }

    @Override
    public CompiledCode compile(ValidatedModule module, EngineConfig config) {
        return new InterpretedModule(module);
    }
}
