package dev.nebula.cli;

import dev.nebula.aot.AotEngine;
import dev.nebula.interpreter.InterpreterEngine;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.spi.ExecutionEngine;

/**
 * The engines {@code nebula run} uses, named rather than found: {@link Engine#create(EngineConfig)}
 * looks for them with ServiceLoader, which opens every jar on the class path for its provider
 * files, several milliseconds of a run's start-up (bench/RESULTS.md). Both engines ship in the
 * CLI's class path anyway.
 */
final class RunEngines {

    private RunEngines() {
    }

    /** The engine of {@code config}'s kind. */
    static Engine create(EngineConfig config) {
        // A switch expression, so that a new engine kind does not compile until it is added here.
        ExecutionEngine implementation = switch (config.engine()) {
            case INTERPRETER -> new InterpreterEngine();
            case AOT -> new AotEngine();
        };
        return Engine.create(config, implementation);
    }
}
