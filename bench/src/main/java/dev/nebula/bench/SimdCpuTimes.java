package dev.nebula.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The CPU time of the calling thread per operation of SimdKernelVsChicoryBenchmark and
 * SimdVsChicoryBenchmark, for the pairs Chicory runs too: a figure that other processes on a
 * shared machine inflate much less than JMH's wall-clock score. Not a benchmark: a fixed warm-up
 * (8 s, at least 3 operations), then the median of 7 operations, each checked.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.SimdCpuTimes [NAME RUNTIME]}.
 * Give one pair (e.g. {@code dot_simd nebula}) per JVM, as JMH's forks do: in one JVM, what ran
 * first shapes how the JIT compiles the interpreters for what runs next (dot_simd on Nebula took
 * 51 ms in one such run and 154 ms in the next).
 */
public final class SimdCpuTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SimdCpuTimes() {
    }

    public static void main(String[] args) {
        if (args.length == 2) {
            measure(args[0], args[1]);
            return;
        }
        for (String build : new String[] {"dot_scalar", "dot_simd"}) {
            for (String runtime : runtimesFor(build)) measure(build, runtime);
        }
        for (String program : new String[] {"blake3-scalar", "blake3-simd", "intgemm-simd"}) {
            for (String runtime : runtimesFor(program)) measure(program, runtime);
        }
    }

    private static void measure(String name, String runtime) {
        if (name.startsWith("dot_")) {
            Workload call = Workload.of(name, InterpreterVsChicoryBenchmark.CASE);
            WorkloadRunner runner = WorkloadRunner.create(runtime, call);
            report(name, runtime, () -> {
                long result = runner.call();
                call.check(runtime, result);
                return result;
            });
        } else {
            report(name, runtime, SightglassRunner.create(runtime, name)::run);
        }
    }

    /** Chicory 1.7.5 runs no SIMD code (SimdVsChicoryTest pins that), so it gets the scalar builds only. */
    private static String[] runtimesFor(String name) {
        return name.contains("simd") ? new String[] {WorkloadRunner.NEBULA}
                : new String[] {WorkloadRunner.NEBULA, WorkloadRunner.CHICORY};
    }

    private static void report(String name, String runtime, LongSupplier operation) {
        long deadline = System.nanoTime() + 8_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < deadline; i++) operation.getAsLong();
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            operation.getAsLong();
            ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-14s %-8s CPU ms/op median %8.1f  (min %.1f, max %.1f)%n",
                name, runtime, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }
}
