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
 * Nebula's interpreter against Chicory's (the pure-Java peer, com.dylibso.chicory:runtime, its
 * default interpreter machine) on the same C workloads, in the same JMH run, so that the ratios
 * come from one machine state. One operation is one call of the workload's export on an instance
 * made, and {@code _initialize}d, once per trial; every result is checked against the answer gcc
 * computed natively (case {@value #CASE} of expected.properties), so a runtime that computes
 * garbage fails the run instead of reporting a time.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar InterpreterVsChicory -f 1 -wi 3 -w 2s -i 5 -r 2s}
 * (add {@code -p workload=fib} for one workload, {@code -rf json -rff out.json} to keep the raw
 * iterations). Results and ratios: bench/RESULTS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InterpreterVsChicoryBenchmark {

    /** The case of expected.properties whose arguments the benchmark passes. */
    public static final String CASE = "interp";

    @Param({"fib", "sieve", "matmul", "sha256", "quicksort"})
    public String workload;

    @Param({WorkloadRunner.NEBULA, WorkloadRunner.NEBULA_AOT, WorkloadRunner.CHICORY, WorkloadRunner.CHICORY_COMPILER,
            WorkloadRunner.WASMTIME})
    public String runtime;

    private Workload call;
    private WorkloadRunner runner;

    @Setup
    public void instantiate() {
        call = Workload.of(workload, CASE);
        runner = WorkloadRunner.create(runtime, call);
        // A first call, checked, before any timing: a wrong answer fails the trial here.
        call.check(runtime, runner.call());
    }

    @Benchmark
    public long run() {
        long result = runner.call();
        // One comparison per call of several milliseconds: every timed answer is a right one.
        if (call.resultOf(result) != call.expected()) call.check(runtime, result);
        return result;
    }
}
