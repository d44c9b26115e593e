package dev.nebula.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Whole sightglass programs without SIMD on the compiling runtimes: Nebula's AOT engine,
 * Chicory's compiler and wasmtime. One operation is one whole run of the program on a fresh
 * instance of a module compiled once per trial, its exit code and output checked
 * ({@link SightglassRunner}), so a broken run fails instead of being timed.
 * The interpreters run a subset in {@link SightglassOnInterpretersBenchmark} (see
 * {@link PeerSkips} for what is left out of which, and why).
 *
 * <p>The programs are the short set, picked so that the whole of bench/vs-peers.sh takes about 20
 * minutes; {@link PeerSkips#LONG_VERSION} names the rest, and the long version runs them all:
 * {@code java -jar bench/target/benchmarks.jar SightglassVsPeers -f 1 -wi 2 -w 2s -i 3 -r 2s -p program=<PeerSkips.longVersionPrograms()>}.
 * bench/vs-peers.sh runs it with the C workloads and prints the ratio table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SightglassVsPeersBenchmark extends SightglassProgramBenchmark {

    @Param({"bz2", "pulldown-cmark", "quicksort", "regex", "richards", "rust-compression", "rust-json",
            "tinygo-regex", "shootout-gimli", "shootout-keccak", "shootout-ratelimit", "shootout-switch"})
    public String program;

    @Param({WorkloadRunner.NEBULA_AOT, WorkloadRunner.CHICORY_COMPILER, WorkloadRunner.WASMTIME})
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
