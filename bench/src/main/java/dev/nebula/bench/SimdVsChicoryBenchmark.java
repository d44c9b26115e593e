package dev.nebula.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Nebula's interpreter against Chicory's on sightglass's SIMD programs and the scalar build of
 * BLAKE3, in one JMH run: {@code program} × {@code runtime}. One operation is one whole, checked
 * run of the program ({@link SightglassRunner}).
 *
 * <p>Chicory 1.7.5's published artifacts have no SIMD: its interpreter rejects the v128
 * instructions, and its SIMD machine ({@code com.dylibso.chicory:simd}, Java 21+) is not on Maven
 * Central. So the {@code chicory} trials of {@code blake3-simd} and {@code intgemm-simd} fail in
 * their setup with Chicory's own error, which JMH prints before moving on; see bench/RESULTS.md.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimdVsChicory -f 1 -wi 3 -w 3s -i 5 -r 3s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdVsChicoryBenchmark extends SightglassProgramBenchmark {

    @Param({"blake3-scalar", "blake3-simd", "intgemm-simd"})
    public String program;

    @Param({WorkloadRunner.NEBULA, WorkloadRunner.CHICORY})
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
