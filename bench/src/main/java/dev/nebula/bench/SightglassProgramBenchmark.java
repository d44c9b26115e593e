package dev.nebula.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The operation the sightglass benchmarks share: one whole, checked run of {@link #program()} on
 * {@link #runtime()} ({@link SightglassRunner}), compiled once per trial. Each subclass declares
 * the two as JMH {@code @Param} fields with its own lists; JMH generates the inherited
 * {@code run} benchmark under the subclass's name (its inheritance sample, JMHSample_24).
 */
public abstract class SightglassProgramBenchmark {

    private SightglassRunner runner;

    protected abstract String program();

    protected abstract String runtime();

    @Setup
    public void compile() {
        runner = SightglassRunner.create(runtime(), program());
        // A first run, checked, before any timing: a runtime that cannot run it fails here.
        runner.run();
    }

    @Benchmark
    public int run() {
        return runner.run();
    }
}
