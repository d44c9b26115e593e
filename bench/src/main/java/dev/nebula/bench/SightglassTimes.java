package dev.nebula.bench;

/**
 * A rough, quick timing of whole sightglass programs on each runtime, every run checked: how
 * long compiling takes and how long the first and a later run take, which is how the programs of
 * {@link SightglassVsPeersBenchmark} and its short configuration were picked. Not a benchmark: no
 * forks, no warm-up beyond the runs it prints. A program that fails on a runtime prints the
 * reason and the next one starts.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.SightglassTimes RUNTIME[,RUNTIME...] PROGRAM...}
 * (a run that would take longer than {@code -Dtimes.runs.limit=SECONDS}, default 20, is run once).
 */
public final class SightglassTimes {

    private SightglassTimes() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SightglassTimes RUNTIME[,RUNTIME...] PROGRAM...");
            System.exit(2);
        }
        double limit = Double.parseDouble(System.getProperty("times.runs.limit", "20"));
        for (int p = 1; p < args.length; p++) {
            for (String runtime : args[0].split(",")) {
                String program = args[p];
                try {
                    long start = System.nanoTime();
                    SightglassRunner runner = SightglassRunner.create(runtime, program);
                    double compile = seconds(start);
                    start = System.nanoTime();
                    runner.run();
                    double first = seconds(start);
                    double best = first;
                    for (int i = 0; i < 4 && first < limit && best * (i + 2) < limit; i++) {
                        start = System.nanoTime();
                        runner.run();
                        best = Math.min(best, seconds(start));
                    }
                    System.out.printf("%-22s %-17s compile %7.3f s  first run %8.3f s  best run %8.3f s%n",
                            program, runtime, compile, first, best);
                } catch (RuntimeException | StackOverflowError e) {
                    System.out.printf("%-22s %-17s FAILED: %s%n", program, runtime, e);
                }
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
