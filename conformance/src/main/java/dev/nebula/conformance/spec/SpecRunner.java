package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;

import java.util.List;

/**
 * Runs spec scripts on one execution engine. The CLI's {@code nebula spec} and
 * {@code CoreSpecSuiteTest} both use this class, so the two can never disagree about what passes.
 */
public final class SpecRunner {

    private final SkipList<SpecSkipRules.Subject> skips;
    private final Engine engine;

    public SpecRunner(SkipList<SpecSkipRules.Subject> skips, Engine engine) {
        this.skips = skips;
        this.engine = engine;
    }

    /** A runner on {@code kind} with the harness's bundled skip list. */
    public static SpecRunner create(EngineKind kind) {
        return new SpecRunner(SpecSkipRules.bundled(), engine(kind));
    }

    /** A runner on the interpreter with the bundled skip list. */
    public static SpecRunner withBundledSkips() {
        return create(EngineKind.INTERPRETER);
    }

    /**
     * The engine of {@code kind} with its default limits (the call-depth limit is what
     * assert_exhaustion reaches).
     *
     * @throws SpecSetupException when the engine's jar is not on the class path
     */
    public static Engine engine(EngineKind kind) {
        try {
            return Engine.create(EngineConfig.defaults(kind));
        } catch (IllegalStateException e) {
            throw new SpecSetupException(e.getMessage());
        }
    }

    /** The engine's short name ({@code interp}, {@code aot}), which skip rules select on. */
    public String engineName() {
        return engine.config().engine().shortName();
    }

    /** Starts a stateful pass over {@code script}, with a fresh store and spectest module; run its commands in order. */
    public ScriptRun start(LoadedScript script) {
        return new ScriptRun(script, skips, engine);
    }

    /** Runs every command of {@code script}. */
    public List<CommandResult> runAll(LoadedScript script) {
        return start(script).runAll();
    }
}
