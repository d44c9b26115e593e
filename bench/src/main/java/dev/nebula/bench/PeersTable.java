package dev.nebula.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the CSV files of vs-peers.sh's JMH runs ({@code -rf csv}: InterpreterVsChicoryBenchmark's
 * C workloads, the sightglass benchmarks' programs) into the ratio table of bench/RESULTS.md: ms/op
 * per runtime, each runtime's time divided by Nebula AOT's (above 1: slower than the AOT engine),
 * the geometric mean of each ratio over the rows where both ran, and the issue-7 goals checked
 * against them (AOT within 1.5x of wasmtime on the geometric mean; no row where Chicory's compiler
 * is faster than the AOT engine). A runtime that did not run a row shows "—".
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.PeersTable FILE.csv...}
 */
public final class PeersTable {

    /** The pseudo-suite of every row, for the overall geometric means. */
    static final String ALL = "all";

    private PeersTable() {
    }

    /** One measured row: its suite, name, and ms/op per runtime. */
    record Row(String suite, String name, Map<String, Double> msPerOp) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: PeersTable RESULTS.csv...   (from -rf csv -rff RESULTS.csv)");
            System.exit(2);
        }
        List<String> lines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String file : args) rows.addAll(rows(Files.readAllLines(Path.of(file))));
        lines.add(table(rows));
        System.out.print(String.join("", lines));
    }

    /** The rows of one JMH CSV file, in file order. */
    static List<Row> rows(List<String> csv) {
        List<String> header = ChicoryRatios.fields(csv.get(0));
        int score = header.indexOf("Score");
        int unit = header.indexOf("Unit");
        int runtime = header.indexOf("Param: runtime");
        int workload = header.indexOf("Param: workload");
        int program = header.indexOf("Param: program");
        int benchmark = header.indexOf("Benchmark");
        if (score < 0 || unit < 0 || runtime < 0 || (workload < 0 && program < 0)) {
            throw new IllegalArgumentException("not a CSV of the peers benchmarks (no runtime and workload or program column): " + header);
        }
        Map<String, Row> byName = new LinkedHashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            if (line.isBlank()) continue;
            List<String> row = ChicoryRatios.fields(line);
            if (!row.get(unit).equals("ms/op")) {
                throw new IllegalArgumentException("expected ms/op, got " + row.get(unit) + " in " + line);
            }
            boolean isProgram = program >= 0 && !row.get(program).isEmpty();
            String suite = isProgram ? "sightglass" : "C";
            String name = isProgram ? row.get(program) : row.get(workload);
            Row r = byName.computeIfAbsent(suite + "/" + name, k -> new Row(suite, name, new LinkedHashMap<>()));
            Double previous = r.msPerOp().put(row.get(runtime), Double.parseDouble(row.get(score)));
            if (previous != null) {
                throw new IllegalArgumentException(name + " on " + row.get(runtime) + " appears twice (" + row.get(benchmark) + ")");
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The Markdown table, its geometric means, and the goals. */
    static String table(List<Row> rows) {
        List<String> runtimes = List.of(WorkloadRunner.ALL);
        String base = WorkloadRunner.NEBULA_AOT;
        StringBuilder out = new StringBuilder("| suite | workload |");
        for (String r : runtimes) out.append(' ').append(r).append(" (ms/op) |");
        for (String r : runtimes) if (!r.equals(base)) out.append(' ').append(r).append(" / AOT |");
        out.append('\n').append("|---|---|");
        out.append("---:|".repeat(2 * runtimes.size() - 1)).append('\n');
        // Per suite and over all rows ("all"): runtime -> {sum of log ratios, count}.
        Map<String, Map<String, double[]>> logSumsBySuite = new TreeMap<>();
        List<String> slowerThanChicory = new ArrayList<>();
        for (Row row : rows) {
            out.append("| ").append(row.suite()).append(" | ").append(row.name()).append(" |");
            for (String r : runtimes) out.append(' ').append(format(row.msPerOp().get(r), "%.3f")).append(" |");
            Double aot = row.msPerOp().get(base);
            for (String r : runtimes) {
                if (r.equals(base)) continue;
                Double other = row.msPerOp().get(r);
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
        return out.toString();
    }

    private static String format(Double value, String pattern) {
        return value == null ? "—" : String.format(Locale.ROOT, pattern, value);
    }
}
