package dev.nebula.cli.experiment;

import dev.nebula.cli.ExitCodes;
import dev.nebula.faas.container.ContainerDriver;
import dev.nebula.faas.container.ContainerEngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.GuestThread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nebula experiment}: the thesis's measurement, repeatable on any machine. It runs the
 * example functions on Wasm engines in this process and as containers, interleaved, and writes
 * every invocation to {@code invocations.csv}, a summary table and {@code report.html}.
 */
@Command(name = "experiment",
        mixinStandardHelpOptions = true,
        description = {"Run the thesis's sweep: the example functions on the Wasm interpreter (and AOT engine) in this process"
                + " and as containers, interleaved; write DIR/invocations.csv, DIR/summary.md and DIR/report.html.",
                "The defaults finish in a few minutes on 2 cores; --full takes the thesis's ranges."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every invocation succeeded and all runtimes gave the same answers",
                "1:an invocation failed, or runtimes disagreed (the files are written all the same)",
                "2:usage error",
                "3:a runtime cannot run: the container engine is unavailable, an image or an example is missing",
                "70:internal error"})
public final class ExperimentCommand implements Callable<Integer> {

    private static final Pattern RANGE = Pattern.compile("([a-z_]+)=(.+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

    @Spec
    private CommandSpec spec;

    @Option(names = "--functions", split = ",", paramLabel = "NAME",
            description = "functions to run (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = FunctionNames.class)
    private List<String> functions = new ArrayList<>();

    @Option(names = "--range", paramLabel = "NAME=FROM..TO[/STEP]",
            description = "the inputs of one function, e.g. factorial=0..130/10; repeatable")
    private List<String> ranges = new ArrayList<>();

    @Option(names = "--reps", paramLabel = "N", description = "invocations per input and runtime (default: 3; --full: 6)")
    private Integer reps;

    @Option(names = "--runtimes", split = ",", paramLabel = "RUNTIME", defaultValue = "interp,container",
            description = "runtimes, interleaved in this order: interp, aot, container (default: ${DEFAULT-VALUE})")
    private List<String> runtimes;

    @Option(names = "--full", description = "the thesis's ranges (fibonacci_recursive 0..40, factorial 0..130,"
            + " exponential 0..708/2, prime 1..6000/10) and 6 repetitions: hours, not minutes")
    private boolean full;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "experiment-results",
            description = "where the CSV, summary and report go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "the folder with the example .wasm files (default: examples/ in this folder or above)")
    private Path examples;

    @Option(names = "--engine", paramLabel = "PROGRAM",
            description = "the container engine's command: podman or docker (default: $NEBULA_CONTAINER_ENGINE, else podman)")
    private String containerEngine;

    @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "10ms",
            description = "pause between invocations, as the thesis's client paused (default: ${DEFAULT-VALUE})")
    private String pause;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "unrecorded calls per function on each Wasm engine before the sweep (a container gets one) (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "time limit of one invocation (default: 120s; --full: 600s, since recursive fib(40) on the interpreter takes minutes)")
    private String timeout;

    @Option(names = "--watts-per-core", paramLabel = "W", defaultValue = "2.76",
            description = "marginal power of a busy core for the CPU-time energy model when RAPL is not readable"
                    + " (default: ${DEFAULT-VALUE}, Cloud Carbon Footprint's AWS average 3.5 W max - 0.74 W min per vCPU)")
    private double wattsPerCore;

    /** A usage problem found after parsing. */
    private static final class UsageProblem extends Exception {
        UsageProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** The names {@code --functions} accepts. */
    static final class FunctionNames extends ArrayList<String> {
        FunctionNames() {
            super(SweepPlan.FUNCTIONS);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, InputRange> plan = plan();
            int repetitions = reps != null ? reps : full ? 6 : 3;
            if (repetitions < 1) throw new UsageProblem("--reps must be at least 1");
            if (warmup < 0) throw new UsageProblem("--warmup must not be negative");
            if (!(wattsPerCore > 0)) throw new UsageProblem("--watts-per-core must be positive");
            Duration limit = duration("--timeout", timeout != null ? timeout : full ? "600s" : "120s");
            long pauseMillis = duration("--pause", pause).toMillis();
            Path wasmFolder = examples != null ? examples : findExamples();
            if (runtimes.stream().distinct().count() != runtimes.size()) throw new UsageProblem("--runtimes names a runtime twice: " + runtimes);
            List<FunctionRuntime> chosen = new ArrayList<>();
            for (String name : runtimes) chosen.add(runtime(name, wasmFolder, limit));

            EnergyMeter meter = EnergyMeter.detect(wattsPerCore);
            Sweep sweep = new Sweep(plan, chosen, repetitions, pauseMillis, warmup, meter);
            // Wasm modules compile and images are checked before anything is measured or written.
            GuestThread.callOnce("experiment-prepare", GuestThread.DEFAULT_STACK_BYTES, () -> {
                sweep.prepare();
                return null;
            });
            meter.calibrate(1000);
            Files.createDirectories(out);
            List<String> given = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            if (!given.isEmpty() && given.get(0).equals("experiment")) given.remove(0);
            String command = String.join(" ", "nebula", "experiment", String.join(" ", given)).strip();
            String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
            err.printf("nebula experiment: %d invocations (%s; %d repetitions; runtimes %s)%n", sweep.invocationCount(),
                    plan, repetitions, String.join(", ", runtimes));
            err.println("energy: " + meter.method());

            List<Invocation> invocations;
            try (Writer csv = Files.newBufferedWriter(out.resolve("invocations.csv"), StandardCharsets.UTF_8)) {
                ProgressBar progress = new ProgressBar(err, sweep.invocationCount(), System.console() != null);
                invocations = GuestThread.callOnce("experiment", GuestThread.DEFAULT_STACK_BYTES, () -> sweep.run(csv, progress));
            }
            Summary summary = new Summary(invocations);
            String table = summary.markdown();
            Files.writeString(out.resolve("summary.md"), "Command: `" + command + "`, " + date + ".\n\nEnergy: "
                    + meter.method() + ".\n\n" + table);
            Files.writeString(out.resolve("report.html"), HtmlReport.render(invocations, summary, meter.method(), command, date));
            stdout.print(table);
            stdout.println("energy: " + meter.method());
            stdout.println("wrote " + out.resolve("invocations.csv") + ", " + out.resolve("summary.md") + ", " + out.resolve("report.html"));
            if (sweep.failures() > 0) {
                err.println("nebula experiment: " + sweep.failures() + " invocation(s) failed or disagreed; the first:");
                invocations.stream().filter(i -> i.measured().problem() != null).limit(5)
                        .forEach(i -> err.println("  " + i.runtime() + " " + i.function() + "(" + i.input() + "): " + i.measured().problem()));
                return ExitCodes.REJECTED;
            }
            return ExitCodes.OK;
        } catch (UsageProblem e) {
            err.println("nebula experiment: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (FunctionRuntime.SetupProblem e) {
            err.println("nebula experiment: " + e.getMessage());
            return ExitCodes.IO;
        } catch (IOException e) {
            err.println("nebula experiment: " + e.getMessage());
            return ExitCodes.IO;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    private Map<String, InputRange> plan() throws UsageProblem {
        Map<String, InputRange> base = full ? SweepPlan.FULL : SweepPlan.DEFAULT;
        Map<String, InputRange> plan = new LinkedHashMap<>();
        List<String> names = functions.isEmpty() ? SweepPlan.FUNCTIONS : functions;
        for (String name : names) {
            if (!base.containsKey(name)) throw new UsageProblem("unknown function '" + name + "' (expected one of " + SweepPlan.FUNCTIONS + ")");
            plan.put(name, base.get(name));
        }
        for (String range : ranges) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) throw new UsageProblem("--range: expected NAME=FROM..TO[/STEP], got '" + range + "'");
            if (!plan.containsKey(m.group(1))) throw new UsageProblem("--range: '" + m.group(1) + "' is not among the functions to run");
            try {
                plan.put(m.group(1), InputRange.parse(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("--range: " + e.getMessage());
            }
        }
        return plan;
    }

    private FunctionRuntime runtime(String name, Path wasmFolder, Duration limit) throws UsageProblem, FunctionRuntime.SetupProblem {
        switch (name) {
            case "interp":
                return new WasmRuntime(EngineKind.INTERPRETER, wasmFolder, limit);
            case "aot":
                return new WasmRuntime(EngineKind.AOT, wasmFolder, limit);
            case "container":
                ContainerEngineConfig config = containerEngine != null ? ContainerEngineConfig.of(containerEngine)
                        : ContainerEngineConfig.fromEnvironment();
                return new ContainerRuntime(new ContainerDriver(config), limit);
            default:
                throw new UsageProblem("unknown runtime '" + name + "' (expected interp, aot or container)");
        }
    }

    private static Duration duration(String option, String text) throws UsageProblem {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new UsageProblem(option + ": expected a duration such as 10ms or 30s, got '" + text + "'");
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private static Path findExamples() throws FunctionRuntime.SetupProblem {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/fibonacci_recursive.wasm"))) return p.resolve("examples");
        }
        throw new FunctionRuntime.SetupProblem("no examples/ folder with the example .wasm files here or above; give it with --examples DIR");
    }
}
