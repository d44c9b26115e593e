package dev.nebula.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * One C workload on one or more runtimes in one JVM, as a time series: for each window, the median
 * thread-CPU time of a call on each runtime, the runtimes taking turns inside the window (a third
 * of a second each, for three). It shows whether a slow measurement is the JVM's or the code's
 * (slow on one runtime only, every window: a compile decision) or the machine's (windows slow on
 * every runtime at once, and fast again with the same compiled code), which a JMH score cannot
 * tell apart. RESULTS.md, "fib's slow windows", is what it found.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.WindowMedians RUNTIME[,RUNTIME...]
 * WORKLOAD [WINDOWS]}, e.g. {@code nebula-aot,chicory-compiler,wasmtime fib 30}; the workload's
 * "interp" case (fib(28)) is called. The first window includes the warm-up.
 */
public final class WindowMedians {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private WindowMedians() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: WindowMedians RUNTIME[,RUNTIME...] WORKLOAD [WINDOWS]   (runtimes: " + String.join(", ", WorkloadRunner.ALL) + ")");
            System.exit(2);
        }
        String[] runtimes = args[0].split(",");
        int windows = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        Workload workload = Workload.of(args[1], "interp");
        WorkloadRunner[] runners = new WorkloadRunner[runtimes.length];
        for (int i = 0; i < runtimes.length; i++) runners[i] = WorkloadRunner.create(runtimes[i], workload);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println(workload.describeCall() + ", ms of thread CPU per call, median of each window, runtimes in turn: " + String.join(", ", runtimes));
        for (int window = 0; window < windows; window++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%3d", window));
            for (int i = 0; i < runners.length; i++) {
                line.append(String.format(Locale.ROOT, " %8.3f", medianCall(cpu, runtimes[i], runners[i], workload, WINDOW_NANOS / runners.length)));
            }
            System.out.println(line);
        }
    }

    /** Calls the workload for {@code nanos} of thread CPU; the median call's milliseconds. */
    private static double medianCall(ThreadMXBean cpu, String runtime, WorkloadRunner runner, Workload workload, long nanos) {
        double[] calls = new double[64];
        int count = 0;
        long start = cpu.getCurrentThreadCpuTime();
        while (cpu.getCurrentThreadCpuTime() - start < nanos) {
            long before = cpu.getCurrentThreadCpuTime();
            workload.check(runtime, runner.call());
            if (count == calls.length) calls = Arrays.copyOf(calls, 2 * count);
            calls[count++] = (cpu.getCurrentThreadCpuTime() - before) / 1e6;
        }
        Arrays.sort(calls, 0, count);
        return calls[count / 2];
    }
}
