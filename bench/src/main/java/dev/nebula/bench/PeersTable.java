package dev.nebula.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the JSON of vs-peers.sh's JMH run ({@code -rf json}: InterpreterVsChicoryBenchmark's C
 * workloads, the sightglass benchmarks' programs) into the ratio table of bench/RESULTS.md: ms/op
 * per runtime, each runtime's time divided by Nebula AOT's (above 1: slower than the AOT engine),
 * the geometric mean of each ratio over the rows where both ran, and the issue-7 goals checked
 * against them (AOT within 1.5x of wasmtime on the geometric mean; no row where Chicory's compiler
 * is faster than the AOT engine). A runtime that did not run a row shows "—".
 *
 * <p>Each figure is the <em>median</em> of a trial's measured iterations pooled over every file
 * given, not JMH's mean: vs-peers.sh runs the whole set in rounds, one fork each, because this
 * machine has stretches of seconds to minutes in which JIT-compiled code (the AOT engine's,
 * Chicory's, plain Java's) runs up to twice as slowly (RESULTS, "fib's slow windows"). One such
 * stretch in one fork's mean of three iterations decided a row; in rounds minutes apart it reaches
 * one round of a trial, a minority of its iterations. Measurements whose slowest iteration is over
 * {@value #NOISY}x their fastest are listed under the table.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.PeersTable ROUND.json...}
 */
public final class PeersTable {

    /** The pseudo-suite of every row, for the overall geometric means. */
    static final String ALL = "all";

    /** Slowest over fastest iteration of one measurement above which it is listed as noisy. */
    static final double NOISY = 1.25;

    private PeersTable() {
    }

    /** One runtime's iterations of one row: their median, count, and slowest over fastest. */
    record Measurement(double median, int iterations, double spread) {

        static Measurement of(double[] msPerOp) {
            double[] sorted = msPerOp.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Measurement(median, n, sorted[n - 1] / sorted[0]);
        }
    }

    /** One measured row: its suite, name, and measured iterations per runtime (over every round). */
    record Row(String suite, String name, Map<String, List<Double>> iterations) {

        /** The measurement of {@code runtime}, or null if it did not run this row. */
        Measurement measurement(String runtime) {
            List<Double> msPerOp = iterations.get(runtime);
            return msPerOp == null ? null : Measurement.of(msPerOp.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: PeersTable ROUND.json...   (each from -rf json -rff ROUND.json; rounds of the same trials are pooled)");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rounds = new ArrayList<>();
        for (String file : args) rounds.add(json.readTree(Path.of(file).toFile()));
        System.out.print(table(rows(rounds)));
    }

    /**
     * The rows of JMH JSON result files, in the order they first appear. A trial repeated in
     * several files (vs-peers.sh's rounds) pools its iterations; one repeated inside a file is an
     * error (two benchmarks measured the same runtime on the same row).
     */
    static List<Row> rows(List<JsonNode> rounds) {
        Map<String, Row> byName = new LinkedHashMap<>();
        for (JsonNode results : rounds) {
            if (!results.isArray()) throw new IllegalArgumentException("not a JMH JSON result (no top-level array)");
            Set<String> inThisRound = new HashSet<>();
            for (JsonNode trial : results) {
                String benchmark = trial.path("benchmark").asText();
                JsonNode params = trial.path("params");
                String runtime = params.path("runtime").asText(null);
                String program = params.path("program").asText("");
                String workload = params.path("workload").asText("");
                if (runtime == null || (program.isEmpty() && workload.isEmpty())) {
                    throw new IllegalArgumentException("not a trial of the peers benchmarks (no runtime and workload or program): " + benchmark + " " + params);
                }
                JsonNode metric = trial.path("primaryMetric");
                if (!metric.path("scoreUnit").asText().equals("ms/op")) {
                    throw new IllegalArgumentException("expected ms/op, got " + metric.path("scoreUnit").asText() + " in " + benchmark + " " + params);
                }
                List<Double> iterations = new ArrayList<>();
                for (JsonNode fork : metric.path("rawData")) for (JsonNode value : fork) iterations.add(value.asDouble());
                if (iterations.isEmpty()) throw new IllegalArgumentException("no measured iteration in " + benchmark + " " + params);
                boolean isProgram = !program.isEmpty();
                String suite = isProgram ? "sightglass" : "C";
                String name = isProgram ? program : workload;
                if (!inThisRound.add(suite + "/" + name + " " + runtime)) {
                    throw new IllegalArgumentException(name + " on " + runtime + " appears twice in one result file (" + benchmark + ")");
                }
                Row r = byName.computeIfAbsent(suite + "/" + name, k -> new Row(suite, name, new LinkedHashMap<>()));
                r.iterations().computeIfAbsent(runtime, k -> new ArrayList<>()).addAll(iterations);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The Markdown table, its geometric means, and the goals. */
    static String table(List<Row> rows) {
        List<String> runtimes = List.of(WorkloadRunner.ALL);
        String base = WorkloadRunner.NEBULA_AOT;
        StringBuilder out = new StringBuilder("| suite | workload |");
        for (String r : runtimes) out.append(' ').append(r).append(" (ms/op, median) |");
        for (String r : runtimes) if (!r.equals(base)) out.append(' ').append(r).append(" / AOT |");
        out.append('\n').append("|---|---|");
        out.append("---:|".repeat(2 * runtimes.size() - 1)).append('\n');
        // Per suite and over all rows ("all"): runtime -> {sum of log ratios, count}.
        Map<String, Map<String, double[]>> logSumsBySuite = new TreeMap<>();
        List<String> slowerThanChicory = new ArrayList<>();
        for (Row row : rows) {
            out.append("| ").append(row.suite()).append(" | ").append(row.name()).append(" |");
            for (String r : runtimes) out.append(' ').append(format(median(row, r), "%.3f")).append(" |");
            Double aot = median(row, base);
            for (String r : runtimes) {
                if (r.equals(base)) continue;
                Double other = median(row, r);
                Double ratio = aot == null || other == null ? null : other / aot;
                out.append(' ').append(format(ratio, "%.2f")).append(" |");
                if (ratio != null) {
                    for (String suite : List.of(row.suite(), ALL)) {
                        double[] sum = logSumsBySuite.computeIfAbsent(suite, k -> new TreeMap<>()).computeIfAbsent(r, k -> new double[2]);
                        sum[0] += Math.log(ratio);
                        sum[1]++;
                    }
                    if (r.equals(WorkloadRunner.CHICORY_COMPILER) && ratio < 1) {
                        slowerThanChicory.add(row.suite() + "/" + row.name() + String.format(Locale.ROOT, " (%.2fx)", 1 / ratio));
                    }
                }
            }
            out.append('\n');
        }
        List<String> suites = new ArrayList<>(logSumsBySuite.keySet());
        suites.remove(ALL);
        if (suites.size() > 1) suites.add(ALL);
        for (String suite : suites) {
            out.append("| geometric mean (rows) | ").append(suite).append(" |");
            for (String r : runtimes) out.append(" |");
            for (String r : runtimes) {
                if (r.equals(base)) continue;
                double[] sum = logSumsBySuite.get(suite).get(r);
                out.append(' ').append(sum == null ? "—" : String.format(Locale.ROOT, "%.2f (%d)", Math.exp(sum[0] / sum[1]), (int) sum[1])).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        Map<String, double[]> logSums = logSumsBySuite.getOrDefault(ALL, Map.of());
        double[] wasmtime = logSums.get(WorkloadRunner.WASMTIME);
        if (wasmtime != null) {
            double aotOverWasmtime = Math.exp(-wasmtime[0] / wasmtime[1]);
            out.append(String.format(Locale.ROOT, "Goal, AOT within 1.5x of wasmtime (geometric mean of AOT / wasmtime over %d rows): %.2f, %s%n",
                    (int) wasmtime[1], aotOverWasmtime, aotOverWasmtime <= 1.5 ? "met" : "NOT met"));
        }
        if (logSums.containsKey(WorkloadRunner.CHICORY_COMPILER)) {
            out.append("Goal, no row slower than Chicory's compiler: ").append(slowerThanChicory.isEmpty() ? "met"
                    : "NOT met, the AOT engine is slower on " + slowerThanChicory.size() + ": " + String.join(", ", slowerThanChicory)).append('\n');
        }
        return out.append(noisy(rows)).toString();
    }

    /** The measurements listed as noisy under the table, with their spread and iteration count. */
    static String noisy(List<Row> rows) {
        List<String> noisy = new ArrayList<>();
        for (Row row : rows) {
            row.iterations().keySet().forEach(runtime -> {
                Measurement m = row.measurement(runtime);
                if (m.spread() > NOISY) {
                    noisy.add(String.format(Locale.ROOT, "%s/%s on %s (%.2fx over %d iterations)", row.suite(), row.name(), runtime, m.spread(), m.iterations()));
                }
            });
        }
        return String.format(Locale.ROOT, "Noisy measurements (slowest iteration over %.2fx the fastest; the table uses their median): %s%n",
                NOISY, noisy.isEmpty() ? "none" : String.join(", ", noisy));
    }

    private static Double median(Row row, String runtime) {
        Measurement m = row.measurement(runtime);
        return m == null ? null : m.median();
    }

    private static String format(Double value, String pattern) {
        return value == null ? "—" : String.format(Locale.ROOT, pattern, value);
    }
}
