package dev.nebula.bench;

/**
 * A rough, quick timing of one call of each workload on each runtime, checked against the
 * native answer: how the benchmark's argument sizes were picked (one call of 5–50 ms on Nebula).
 * Not a benchmark: no forks, a fixed warm-up, the median of a few calls.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.WorkloadTimes [CASE [RUNTIME...]]}
 * (case default {@value InterpreterVsChicoryBenchmark#CASE}, runtimes nebula and chicory).
 */
public final class WorkloadTimes {

    private WorkloadTimes() {
    }

    public static void main(String[] args) {
        String caseName = args.length > 0 ? args[0] : InterpreterVsChicoryBenchmark.CASE;
        String[] runtimes = args.length > 1
                ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {WorkloadRunner.NEBULA, WorkloadRunner.CHICORY};
        for (String name : Workload.NAMES) {
            Workload workload = Workload.of(name, caseName);
            for (String runtime : runtimes) {
                WorkloadRunner runner = WorkloadRunner.create(runtime, workload);
                double[] ms = new double[7];
                long deadline = System.nanoTime() + 3_000_000_000L;
                // Warm up for up to 3 s (at least 3 calls), then time 7 calls.
                for (int i = 0; i < 3 || (System.nanoTime() < deadline && i < 200); i++) {
                    workload.check(runtime, runner.call());
                }
                for (int i = 0; i < ms.length; i++) {
                    long start = System.nanoTime();
                    long result = runner.call();
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    workload.check(runtime, result);
                }
                java.util.Arrays.sort(ms);
                System.out.printf("%-28s %-8s median %9.3f ms  (min %.3f, max %.3f)%n",
                        workload.describeCall(), runtime, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
            }
        }
    }
}
