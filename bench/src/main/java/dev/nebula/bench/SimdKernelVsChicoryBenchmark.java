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
 * One C kernel (bench/src/main/c/simd_kernel.c: an i16 dot product and a byte absolute-difference
 * sum over 64 Ki elements, 8 rounds) built with {@code -msimd128} ({@code dot_simd}, auto-vectorised
 * to v128 code) and without ({@code dot_scalar}), on Nebula's interpreter and Chicory's, in one
 * JMH run. Same source and same answer for both builds, so {@code dot_simd} against
 * {@code dot_scalar} on one engine is that engine's SIMD against its scalar code on identical work.
 * One operation is one call of the export on an instance made once per trial
 * ({@link WorkloadRunner}); every result is checked against the answer gcc computed natively.
 *
 * <p>Chicory 1.7.5's published interpreter has no SIMD (see {@link SimdVsChicoryBenchmark}), so
 * the {@code dot_simd} × {@code chicory} trial fails in its setup with Chicory's error.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimdKernelVsChicory -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdKernelVsChicoryBenchmark {

    @Param({"dot_scalar", "dot_simd"})
    public String workload;

    @Param({WorkloadRunner.NEBULA, WorkloadRunner.CHICORY})
    public String runtime;

    private Workload call;
    private WorkloadRunner runner;

    @Setup
    public void instantiate() {
        call = Workload.of(workload, InterpreterVsChicoryBenchmark.CASE);
        runner = WorkloadRunner.create(runtime, call);
        // A first call, checked, before any timing: a wrong answer or a refusal fails the trial here.
        call.check(runtime, runner.call());
    }

    @Benchmark
    public long run() {
        long result = runner.call();
        if (call.resultOf(result) != call.expected()) call.check(runtime, result);
        return result;
    }
}
