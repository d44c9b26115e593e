package dev.nebula.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.html}: one self-contained page (uPlot's script and style inlined from its
 * WebJar, the data as JSON) with the summary table and three kinds of chart: the startup
 * distribution per runtime, run time against input per function, and energy per invocation
 * against input per function.
 */
final class HtmlReport {

    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    static String render(List<Invocation> invocations, Summary summary, String energyMethod, String command, String date)
            throws IOException {
        ObjectNode data = JSON.createObjectNode();
        data.put("command", command);
        data.put("date", date);
        data.put("energyMethod", energyMethod);
        Set<String> runtimes = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        for (Invocation i : invocations) {
            runtimes.add(i.runtime());
            functions.add(i.function());
        }
        data.set("runtimes", JSON.valueToTree(runtimes));
        data.set("startup", quantiles(invocations, runtimes));
        ObjectNode run = data.putObject("run");
        ObjectNode energy = data.putObject("energy");
        for (String function : functions) {
            List<Invocation> mine = invocations.stream().filter(i -> i.function().equals(function)).toList();
            run.set(function, byInput(mine, runtimes, i -> i.measured().runMicros() < 0 ? Double.NaN : i.measured().runMicros() / 1000.0));
            energy.set(function, byInput(mine, runtimes, Invocation::energyJoules));
        }
        return page(table(summary), JSON.writeValueAsString(data));
    }

    /** The startup quantile function per runtime: x = percentile 0..100, y = milliseconds. */
    private static ObjectNode quantiles(List<Invocation> invocations, Set<String> runtimes) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode pct = node.putArray("x");
        for (int p = 0; p <= 100; p++) pct.add(p);
        ObjectNode series = node.putObject("series");
        for (String runtime : runtimes) {
            double[] sorted = invocations.stream()
                    .filter(i -> i.runtime().equals(runtime) && i.measured().startupMicros() >= 0)
                    .mapToDouble(i -> i.measured().startupMicros() / 1000.0).sorted().toArray();
            ArrayNode ys = series.putArray(runtime);
            for (int p = 0; p <= 100; p++) {
                if (sorted.length == 0) ys.addNull();
                else ys.add(p == 0 ? sorted[0] : Stats.percentile(sorted, p));
            }
        }
        return node;
    }

    /** Median of a measure per input and runtime: x = inputs, one series per runtime. */
    private static ObjectNode byInput(List<Invocation> invocations, Set<String> runtimes, ToDoubleFunction<Invocation> measure) {
        ObjectNode node = JSON.createObjectNode();
        TreeSet<Long> inputs = new TreeSet<>();
        for (Invocation i : invocations) inputs.add(i.input());
        ArrayNode xs = node.putArray("x");
        inputs.forEach(xs::add);
        ObjectNode series = node.putObject("series");
        for (String runtime : runtimes) {
            ArrayNode ys = series.putArray(runtime);
            for (long input : inputs) {
                List<Double> values = new ArrayList<>();
                for (Invocation i : invocations) {
                    if (i.runtime().equals(runtime) && i.input() == input && i.measured().problem() == null) {
                        double v = measure.applyAsDouble(i);
                        if (!Double.isNaN(v) && v > 0) values.add(v);
                    }
                }
                if (values.isEmpty()) ys.addNull();
                else ys.add(Stats.of(values).median());
            }
        }
        return node;
    }

    private static String page(String summaryTable, String json) throws IOException {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Nebula experiment: Wasm and containers</title>
                <style>%s</style>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em; max-width: 1000px; }
                table { border-collapse: collapse; font-size: 13px; }
                td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
                td:first-child, td:nth-child(2), th { text-align: left; }
                h2 { margin-top: 2em; } .chart { margin: 1em 0; }
                </style>
                <script>%s</script>
                </head><body>
                <h1>Nebula experiment: Wasm and containers</h1>
                <p id="meta"></p>
                <h2>Summary</h2>
                %s
                <h2>Startup distribution per runtime</h2>
                <p>Request until the function's <code>main</code> began, from its start stamp; x is the percentile, y the
                startup in milliseconds (log scale).</p>
                <div id="startup" class="chart"></div>
                <h2>Run time against input</h2>
                <p>Median per input of <code>main</code> began until the runtime returned, milliseconds (log scale).</p>
                <div id="run"></div>
                <h2>Energy per invocation</h2>
                <p id="energy-method"></p>
                <div id="energy"></div>
                <script>
                const DATA = %s;
                const COLORS = {interp: "#1f77b4", aot: "#2ca02c", container: "#d62728"};
                document.getElementById("meta").textContent = DATA.date + " \\u2014 " + DATA.command;
                document.getElementById("energy-method").textContent = "Median joules per input. Method: " + DATA.energyMethod;
                function chart(target, title, xLabel, yLabel, block, logX) {
                  const div = document.createElement("div");
                  div.className = "chart";
                  target.appendChild(div);
                  const series = [{label: xLabel}];
                  const data = [block.x];
                  for (const runtime of DATA.runtimes) {
                    series.push({label: runtime, stroke: COLORS[runtime] || "#555", width: 2, spanGaps: true,
                                 points: {show: true, size: 4}});
                    data.push(block.series[runtime].map(v => (v === null || v <= 0) ? null : v));
                  }
                  new uPlot({title: title, width: 900, height: 320, series: series,
                             scales: {x: {time: false}, y: {distr: 3}},
                             axes: [{label: xLabel}, {label: yLabel, size: 70}]}, data, div);
                }
                chart(document.getElementById("startup"), "Startup (ms) by percentile", "percentile", "ms", DATA.startup);
                for (const f of Object.keys(DATA.run)) {
                  chart(document.getElementById("run"), f + ": run time (ms)", "input", "ms", DATA.run[f]);
                }
                for (const f of Object.keys(DATA.energy)) {
                  chart(document.getElementById("energy"), f + ": energy per invocation (J)", "input", "J", DATA.energy[f]);
                }
                </script>
                </body></html>
                """.formatted(resource("uPlot.min.css"), resource("uPlot.iife.min.js"), summaryTable,
                json.replace("</", "<\\/"));
    }

    /** The summary as an HTML table, and the startup ratios under it. */
    private static String table(Summary summary) {
        StringBuilder html = new StringBuilder("<table><tr><th>function</th><th>runtime</th><th>n</th>"
                + "<th>startup ms<br>min / median / p95 / max</th><th>total ms<br>min / median / p95 / max</th>"
                + "<th>CPU ms<br>median</th><th>energy J<br>median</th></tr>\n");
        for (Summary.Row r : summary.rows()) {
            html.append("<tr><td>").append(escape(r.function())).append("</td><td>").append(escape(r.runtime()))
                    .append("</td><td>").append(r.totalMs().count())
                    .append("</td><td>").append(four(r.startupMs())).append("</td><td>").append(four(r.totalMs()))
                    .append("</td><td>").append(Summary.number(r.cpuMs().median()))
                    .append("</td><td>").append(Double.isNaN(r.energyJ().median()) ? "-" : String.format(java.util.Locale.ROOT, "%.3g", r.energyJ().median()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (!summary.startupRatios().isEmpty()) {
            html.append("<p>Startup, container median / Wasm median:");
            summary.startupRatios().forEach((what, ratio) ->
                    html.append(' ').append(escape(what)).append(String.format(java.util.Locale.ROOT, " <b>%.0fx</b>;", ratio)));
            html.setLength(html.length() - 1);
            html.append("</p>\n");
        }
        return html.toString();
    }

    private static String four(Stats s) {
        if (s.count() == 0) return "-";
        return Summary.number(s.min()) + " / " + Summary.number(s.median()) + " / " + Summary.number(s.p95()) + " / " + Summary.number(s.max());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(UPLOT + name)) {
            if (in == null) throw new IOException("uPlot's " + name + " is not on the class path (WebJar org.webjars.npm:uplot)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The WebJar's version, from its Maven metadata on the class path. */
    private static String uplotVersion() {
        try (InputStream in = HtmlReport.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) return "1.6.30";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "1.6.30");
        } catch (IOException e) {
            return "1.6.30";
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
