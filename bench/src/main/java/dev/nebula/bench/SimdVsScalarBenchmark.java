package dev.nebula.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * SIMD programs against the scalar build of the same program, on Nebula's interpreter, in one JMH
 * run: sightglass's BLAKE3 (the C reference with {@code -msimd128}, and the Rust scalar crate:
 * same 3.1 MB input, same hash) and intgemm-simd (no scalar build exists). One operation is one
 * whole run of the program ({@code _start}, its input read through WASI from its own folder) on a
 * fresh instance of a module compiled once; every run's stderr, where these programs print their
 * result, must be the expected one, so a wrong answer fails the benchmark instead of timing it
 * ({@link SightglassRunner}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimdVsScalar -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 * Chicory runs no SIMD in its published artifacts; {@link SimdVsChicoryBenchmark} compares it on
 * the scalar build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdVsScalarBenchmark {

    @Param({"blake3-scalar", "blake3-simd", "intgemm-simd"})
    public String program;

    private SightglassRunner runner;

    @Setup
    public void compile() {
        runner = SightglassRunner.create(WorkloadRunner.NEBULA, program);
        runner.run();
    }

    @Benchmark
    public int run() {
        return runner.run();
    }
}
