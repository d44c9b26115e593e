package dev.nebula.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CoreMark (EEMBC's CPU benchmark, built for WASI by bench/coremark/build.sh from sources kept
 * outside the repo) on each runtime, and natively: CoreMark times itself, so this reports the
 * {@code Iterations/Sec} it prints. Per runtime, in one JVM: the module is compiled once; runs
 * warm the runtime up for {@code -Dcoremark.warmup=SECONDS} (default 10), each run's iteration
 * count chosen from the rate the previous run printed so that a run takes about
 * {@code -Dcoremark.seconds=SECONDS} (default 3); then {@code -Dcoremark.runs=N} (default 3)
 * measured runs, of which the median is reported. Every run's output is checked: the seeds of
 * CoreMark's 2K performance run, and its list, matrix and state CRCs (a runtime that computes
 * wrongly fails instead of reporting a rate).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.CoreMarkPeers [RUNTIME|native ...]}
 * (default: native and every runtime of {@link WorkloadRunner#ALL}). The module is
 * {@code -Dcoremark.wasm=PATH}, by default bench/coremark/build/coremark.wasm.
 */
public final class CoreMarkPeers {

    /** System property naming the CoreMark module. */
    public static final String WASM_PROPERTY = "coremark.wasm";
    /** The runtime name of the native build (bench/coremark/build/coremark-native). */
    public static final String NATIVE = "native";

    private static final Pattern RATE = Pattern.compile("Iterations/Sec\\s*:\\s*([0-9.]+)");
    /** The lines every correct run of the 2K performance run prints (CoreMark's known CRCs). */
    private static final List<String> EXPECTED_LINES = List.of("seedcrc          : 0xe9f5",
            "[0]crclist       : 0xe714", "[0]crcmatrix     : 0x1fd7", "[0]crcstate      : 0x8e3a");

    private CoreMarkPeers() {
    }

    /** One runtime's result: the measured runs' rates, their median, and the iterations per run. */
    record Result(String runtime, long iterations, List<Double> rates) {
        double median() {
            List<Double> sorted = rates.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) {
        List<String> runtimes = args.length > 0 ? List.of(args) : allRuntimes();
        Path wasm;
        try {
            wasm = moduleFile();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        double warmup = Double.parseDouble(System.getProperty("coremark.warmup", "10"));
        double seconds = Double.parseDouble(System.getProperty("coremark.seconds", "3"));
        int runs = Integer.getInteger("coremark.runs", 3);
        List<Result> results = new ArrayList<>();
        for (String runtime : runtimes) {
            try {
                Result result = measure(runtime, wasm, warmup, seconds, runs);
                results.add(result);
                System.err.printf(Locale.ROOT, "%s: %.0f iterations/s (runs of %d iterations: %s)%n", runtime,
                        result.median(), result.iterations(), result.rates());
            } catch (RuntimeException e) {
                System.err.println(runtime + ": FAILED: " + e);
                results.add(new Result(runtime + " (failed: " + e.getMessage() + ")", 0, List.of(Double.NaN)));
            }
        }
        System.out.print(table(results));
    }

    static List<String> allRuntimes() {
        List<String> all = new ArrayList<>();
        all.add(NATIVE);
        all.addAll(List.of(WorkloadRunner.ALL));
        return all;
    }

    /** The Markdown table: iterations/s per runtime, and as a fraction of wasmtime's and native's. */
    static String table(List<Result> results) {
        double wasmtime = rateOf(results, WorkloadRunner.WASMTIME);
        double nativeRate = rateOf(results, NATIVE);
        StringBuilder out = new StringBuilder("| runtime | iterations per run | Iterations/Sec (median) | runs | vs wasmtime | vs native |\n")
                .append("|---|---:|---:|---|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %.2f | %.2f |%n", r.runtime(), r.iterations(),
                    r.median(), r.rates().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
                    r.median() / wasmtime, r.median() / nativeRate));
        }
        return out.toString();
    }

    private static double rateOf(List<Result> results, String runtime) {
        return results.stream().filter(r -> r.runtime().equals(runtime)).findFirst().map(Result::median).orElse(Double.NaN);
    }

    /** Warms up, then measures; every run checked. */
    static Result measure(String runtime, Path wasm, double warmupSeconds, double runSeconds, int runs) {
        Runner runner = runner(runtime, wasm);
        long iterations = 10;
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            double rate = rateOf(runner.run(iterations));
            iterations = Math.max(10, (long) (rate * runSeconds));
        } while (System.nanoTime() < warmupEnd);
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) rates.add(rateOf(runner.run(iterations)));
        return new Result(runtime, iterations, rates);
    }

    /** One run of CoreMark with an iteration count; returns its stdout. */
    interface Runner {
        String run(long iterations);
    }

    static Runner runner(String runtime, Path wasm) {
        if (runtime.equals(NATIVE)) {
            Path binary = wasm.resolveSibling("coremark-native");
            if (!Files.isExecutable(binary)) throw new IllegalStateException("no native build at " + binary + " (bench/coremark/build.sh makes it where the host clang can)");
            return iterations -> runNative(binary, iterations);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wasm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wasm, e);
        }
        WasiProgram program = WasiProgram.create(runtime, bytes, wasm.getParent());
        return iterations -> {
            WasiProgram.Outcome outcome = program.run(List.of("coremark.wasm", Long.toString(iterations)));
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException("coremark on " + runtime + " exited " + outcome.exitCode() + ": " + outcome.stderr());
            }
            return outcome.stdout();
        };
    }

    private static String runNative(Path binary, long iterations) {
        try {
            Process process = new ProcessBuilder(binary.toString(), Long.toString(iterations)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) throw new IllegalStateException("native coremark exited " + exit + ": " + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CoreMark's printed rate, after checking that the run computed what CoreMark expects. */
    static double rateOf(String stdout) {
        List<String> lines = stdout.lines().map(String::strip).toList();
        for (String expected : EXPECTED_LINES) {
            if (!lines.contains(expected)) {
                throw new IllegalStateException("CoreMark's output lacks \"" + expected + "\" (a wrong result): " + stdout);
            }
        }
        Matcher rate = RATE.matcher(stdout);
        if (!rate.find()) throw new IllegalStateException("CoreMark printed no Iterations/Sec: " + stdout);
        return Double.parseDouble(rate.group(1));
    }

    /** The CoreMark module, or an error that says how to build it. */
    static Path moduleFile() {
        String configured = System.getProperty(WASM_PROPERTY);
        Path wasm;
        if (configured != null && !configured.isBlank()) {
            wasm = Paths.get(configured).toAbsolutePath().normalize();
        } else {
            wasm = BenchModules.repoRoot().resolve("bench/coremark/build/coremark.wasm");
        }
        if (!Files.isRegularFile(wasm)) {
            throw new IllegalStateException("no CoreMark module at " + wasm + ". CoreMark's sources are not in this repo"
                    + " (third-party code); fetch them and build it:\n"
                    + "  git clone https://github.com/eembc/coremark /tmp/coremark\n"
                    + "  COREMARK_SRC=/tmp/coremark bash bench/coremark/build.sh\n"
                    + "or point -D" + WASM_PROPERTY + "=PATH at a coremark.wasm built by that script.");
        }
        return wasm;
    }
}
