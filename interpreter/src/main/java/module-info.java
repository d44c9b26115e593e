/**
 * Execution engine 1, found by {@code Engine.create} through the {@code ExecutionEngine} service.
 * Nothing of it is API but the engine class; {@code dev.nebula.interpreter.internal} is not exported.
 */
module dev.nebula.interpreter {
    requires transitive dev.nebula.runtime;

    exports dev.nebula.interpreter;

    provides dev.nebula.runtime.spi.ExecutionEngine with dev.nebula.interpreter.InterpreterEngine;
}
