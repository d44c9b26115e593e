package dev.nebula.cli.experiment;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thesis's sweep: for each function, each input, each repetition, every runtime in turn
 * (interleaved, so that a slow spell of the machine hits all runtimes alike), with a short pause
 * between invocations. Rows go to the CSV as they come, so an interrupted sweep keeps its data.
 */
final class Sweep {

    private final Map<String, InputRange> plan;
    private final List<FunctionRuntime> runtimes;
    private final int reps;
    private final long pauseMillis;
    private final int warmup;
    private final EnergyMeter meter;

    /** Answers per function and input, to check that every runtime computes the same. */
    private final Map<String, String> answers = new HashMap<>();
    private int failures;

    Sweep(Map<String, InputRange> plan, List<FunctionRuntime> runtimes, int reps, long pauseMillis, int warmup, EnergyMeter meter) {
        this.plan = plan;
        this.runtimes = runtimes;
        this.reps = reps;
        this.pauseMillis = pauseMillis;
        this.warmup = warmup;
        this.meter = meter;
    }

    int invocationCount() {
        int inputs = 0;
        for (InputRange r : plan.values()) inputs += r.values().size();
        return inputs * reps * runtimes.size();
    }

    /** Invocations that failed or answered differently from another runtime. */
    int failures() {
        return failures;
    }

    /** Readies every function on every runtime: a runtime that cannot run stops the sweep here. */
    void prepare() throws FunctionRuntime.SetupProblem {
        for (FunctionRuntime runtime : runtimes) {
            for (String function : plan.keySet()) runtime.prepare(function);
        }
    }

    /** Runs the sweep; call {@link #prepare} first. */
    List<Invocation> run(Writer csv, ProgressBar progress) throws FunctionRuntime.SetupProblem, InterruptedException, IOException {
        warmUp();
        List<Invocation> done = new ArrayList<>();
        csv.write(Invocation.CSV_HEADER + "\n");
        int total = invocationCount();
        progress.step(0, "");
        for (Map.Entry<String, InputRange> entry : plan.entrySet()) {
            String function = entry.getKey();
            for (long input : entry.getValue().values()) {
                for (int rep = 0; rep < reps; rep++) {
                    for (FunctionRuntime runtime : runtimes) {
                        Invocation invocation = invoke(runtime, function, input);
                        done.add(invocation);
                        csv.write(invocation.csvLine() + "\n");
                        csv.flush();
                        progress.step(done.size(), function + "(" + input + ") " + runtime.name());
                        if (pauseMillis > 0 && done.size() < total) Thread.sleep(pauseMillis);
                    }
                }
            }
        }
        return done;
    }

    /** A few unrecorded calls per function and runtime first: class loading, JIT, page cache. */
    private void warmUp() throws FunctionRuntime.SetupProblem, InterruptedException {
        for (FunctionRuntime runtime : runtimes) {
            int calls = runtime.name().equals("container") ? Math.min(warmup, 1) : warmup;
            for (Map.Entry<String, InputRange> entry : plan.entrySet()) {
                for (int i = 0; i < calls; i++) runtime.invoke(entry.getKey(), Long.toString(entry.getValue().from()));
            }
        }
    }

    private Invocation invoke(FunctionRuntime runtime, String function, long input)
            throws FunctionRuntime.SetupProblem, InterruptedException {
        long started = System.nanoTime();
        long mark = meter.mark();
        Measurement m = runtime.invoke(function, Long.toString(input));
        double joules = meter.joules(mark, m);
        if (m.problem() == null) {
            String key = function + "(" + input + ")";
            String first = answers.putIfAbsent(key, m.answer());
            if (first != null && !first.equals(m.answer())) {
                m = new Measurement(m.startupMicros(), m.runMicros(), m.totalMicros(), m.cpuMicros(), m.peakMemoryBytes(),
                        m.exitCode(), m.answer(), key + " answered '" + m.answer() + "', another runtime '" + first + "'");
            }
        }
        if (m.problem() != null) failures++;
        return new Invocation(function, input, runtime.name(), m, joules, started);
    }
}
