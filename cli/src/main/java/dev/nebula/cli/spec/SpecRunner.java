package dev.nebula.cli.spec;

import java.util.List;

/**
 * Runs spec scripts. The CLI's {@code nebula spec} and the spec-tests module both use this class,
 * so the two can never disagree about what passes.
 */
public final class SpecRunner {

    private final SkipList skips;

    public SpecRunner(SkipList skips) {
        this.skips = skips;
    }

    /** A runner with the harness's bundled skip list. */
    public static SpecRunner withBundledSkips() {
        return new SpecRunner(SkipList.bundled());
    }

    /** Starts a stateful pass over {@code script}; run its commands in order. */
    public ScriptRun start(LoadedScript script) {
        return new ScriptRun(script, skips);
    }

    /** Runs every command of {@code script}. */
    public List<CommandResult> runAll(LoadedScript script) {
        return start(script).runAll();
    }
}
