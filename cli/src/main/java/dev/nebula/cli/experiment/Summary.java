package dev.nebula.cli.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The sweep in numbers: per function and runtime, min / median / p95 / max of startup and of
 * total time, the median CPU time and energy; then the container-to-Wasm ratio of median
 * startups. Printed as a Markdown table, so that it can go into the README as it is.
 */
final class Summary {

    /** One function on one runtime; "all" as the function pools every function. */
    record Row(String function, String runtime, Stats startupMs, Stats totalMs, Stats cpuMs, Stats energyJ) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Double> ratios = new LinkedHashMap<>();
    private final List<String> wasmRuntimes = new ArrayList<>();

    Summary(List<Invocation> invocations) {
        Set<String> functions = new LinkedHashSet<>();
        Set<String> runtimes = new LinkedHashSet<>();
        for (Invocation i : invocations) {
            functions.add(i.function());
            runtimes.add(i.runtime());
        }
        List<String> groups = new ArrayList<>(functions);
        if (functions.size() > 1) groups.add("all");
        for (String function : groups) {
            for (String runtime : runtimes) {
                List<Invocation> mine = invocations.stream()
                        .filter(i -> i.runtime().equals(runtime) && (function.equals("all") || i.function().equals(function)))
                        .filter(i -> i.measured().problem() == null)
                        .toList();
                if (mine.isEmpty()) continue;
                rows.add(new Row(function, runtime, millis(mine, m -> m.startupMicros()), millis(mine, m -> m.totalMicros()),
                        millis(mine, m -> m.cpuMicros()),
                        Stats.of(mine.stream().map(Invocation::energyJoules).filter(e -> !e.isNaN()).toList())));
            }
        }
        for (String runtime : runtimes) if (!runtime.equals("container")) wasmRuntimes.add(runtime);
        for (String wasm : wasmRuntimes) {
            for (String function : groups) {
                Row container = find(function, "container");
                Row engine = find(function, wasm);
                if (container != null && engine != null && engine.startupMs().median() > 0) {
                    ratios.put(function + " (" + wasm + ")", container.startupMs().median() / engine.startupMs().median());
                }
            }
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** Container median startup over Wasm median startup, per function (and "all") and Wasm engine. */
    Map<String, Double> startupRatios() {
        return ratios;
    }

    Row find(String function, String runtime) {
        for (Row r : rows) if (r.function().equals(function) && r.runtime().equals(runtime)) return r;
        return null;
    }

    private static Stats millis(List<Invocation> invocations, ToLongFunction<Measurement> measure) {
        return Stats.of(invocations.stream().mapToLong(i -> measure.applyAsLong(i.measured()))
                .filter(v -> v >= 0).mapToObj(v -> v / 1000.0).toList());
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| function | runtime | n | startup ms: min / median / p95 / max | total ms: min / median / p95 / max | CPU ms median | energy J median |\n");
        s.append("|---|---|---:|---|---|---:|---:|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", r.function(), r.runtime(), r.totalMs().count(),
                    four(r.startupMs()), four(r.totalMs()), number(r.cpuMs().median()), energy(r.energyJ().median())));
        }
        if (!ratios.isEmpty()) {
            s.append("\nStartup, container median / Wasm median:");
            ratios.forEach((what, ratio) -> s.append(String.format(Locale.ROOT, " %s %.0fx;", what, ratio)));
            s.setLength(s.length() - 1);
            s.append('\n');
        }
        return s.toString();
    }

    private static String four(Stats s) {
        if (s.count() == 0) return "-";
        return number(s.min()) + " / " + number(s.median()) + " / " + number(s.p95()) + " / " + number(s.max());
    }

    /** Three significant figures, enough to compare and short enough to read. */
    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String energy(double joules) {
        return Double.isNaN(joules) ? "-" : String.format(Locale.ROOT, "%.3g", joules);
    }
}
