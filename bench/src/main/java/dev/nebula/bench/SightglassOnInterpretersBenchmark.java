package dev.nebula.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The interpreters' share of the sightglass comparison: Nebula's interpreter on the programs of
 * {@link SightglassVsPeersBenchmark} whose single run is short enough for it (see
 * {@link PeerSkips#INTERPRETER_SUBSET}), Chicory's interpreter only on request. Same operation as
 * there: one whole, checked run.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SightglassOnInterpreters -f 1 -wi 2 -w 3s -i 3 -r 3s};
 * the long version passes {@code -p program=...} with every program.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SightglassOnInterpretersBenchmark extends SightglassProgramBenchmark {

    @Param({"bz2", "quicksort", "regex", "richards", "tinygo-regex", "shootout-gimli"})
    public String program;

    /** Chicory's interpreter only on request ({@code -p runtime=nebula,chicory}): see {@link PeerSkips#CHICORY_INTERPRETER}. */
    @Param({WorkloadRunner.NEBULA})
    public String runtime;

    @Override
    protected String program() {
        return program;
    }

    @Override
    protected String runtime() {
        return runtime;
    }
}
