package dev.nebula.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the CSV results of {@link InterpreterVsChicoryBenchmark} ({@code -rf csv -rff FILE})
 * into the Markdown table of bench/RESULTS.md: ms/op ± JMH's 99.9% error for both runtimes,
 * the Chicory/Nebula ratio per workload with the range the error bars allow, and the geometric
 * means (of the ratios, and of each runtime's ms/op: the whole suite's mean, whose ratio is the
 * same number).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.nebula.bench.ChicoryRatios FILE.csv}
 */
public final class ChicoryRatios {

    private ChicoryRatios() {
    }

    /** One runtime's result on one workload: JMH's score and its 99.9% error, in ms/op. */
    record Score(double ms, double error) {
        double low() {
            return ms - error;
        }

        double high() {
            return ms + error;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ChicoryRatios RESULTS.csv   (from -rf csv -rff RESULTS.csv)");
            System.exit(2);
        }
        System.out.print(table(Files.readAllLines(Path.of(args[0]))));
    }

    /** The Markdown table for the lines of a JMH CSV file. */
    static String table(List<String> csv) {
        List<String> header = fields(csv.get(0));
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int unit = header.indexOf("Unit");
        int runtime = header.indexOf("Param: runtime");
        int workload = header.indexOf("Param: workload");
        if (score < 0 || error < 0 || unit < 0 || runtime < 0 || workload < 0) {
            throw new IllegalArgumentException("not a CSV of InterpreterVsChicoryBenchmark: " + header);
        }
        Map<String, Map<String, Score>> byWorkload = new LinkedHashMap<>();
        for (String name : Workload.NAMES) byWorkload.put(name, new LinkedHashMap<>());
        for (String line : csv.subList(1, csv.size())) {
            if (line.isBlank()) continue;
            List<String> row = fields(line);
            if (!row.get(unit).equals("ms/op")) throw new IllegalArgumentException("expected ms/op: " + line);
            byWorkload.computeIfAbsent(row.get(workload), w -> new LinkedHashMap<>())
                    .put(row.get(runtime), new Score(number(row.get(score)), number(row.get(error))));
        }

        StringBuilder out = new StringBuilder();
        out.append("| workload | Nebula ms/op | Chicory ms/op | Chicory/Nebula | range allowed by the errors |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        double logNebula = 0, logChicory = 0;
        int n = 0;
        for (Map.Entry<String, Map<String, Score>> entry : byWorkload.entrySet()) {
            Score nebula = entry.getValue().get(WorkloadRunner.NEBULA);
            Score chicory = entry.getValue().get(WorkloadRunner.CHICORY);
            if (nebula == null || chicory == null) continue;
            double ratio = chicory.ms() / nebula.ms();
            String range = nebula.low() > 0 && chicory.low() > 0
                    ? format("%.1f–%.1f", chicory.low() / nebula.high(), chicory.high() / nebula.low())
                    : "—";
            out.append(format("| %s | %s ± %s | %s ± %s | **%.1fx** | %s |\n", entry.getKey(),
                    ms(nebula.ms()), ms(nebula.error()), ms(chicory.ms()), ms(chicory.error()), ratio, range));
            logNebula += Math.log(nebula.ms());
            logChicory += Math.log(chicory.ms());
            n++;
        }
        if (n == 0) throw new IllegalArgumentException("no workload has results for both runtimes");
        double geoNebula = Math.exp(logNebula / n), geoChicory = Math.exp(logChicory / n);
        out.append(format("| **geometric mean** (%d workloads) | %s | %s | **%.1fx** | |\n",
                n, ms(geoNebula), ms(geoChicory), geoChicory / geoNebula));
        return out.toString();
    }

    private static String ms(double value) {
        if (Double.isNaN(value)) return "?"; // JMH gives no error below 3 samples
        return format(value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static double number(String field) {
        return Double.parseDouble(field.replace(',', '.'));
    }

    /** The fields of one CSV line as JMH writes it: comma-separated, strings in double quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
