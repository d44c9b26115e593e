package dev.nebula.cli.experiment;

import java.util.Locale;

/** One row of {@code invocations.csv}. */
record Invocation(String function, long input, String runtime, Measurement measured, double energyJoules, long startedNanos) {

    /** The header other tools read: exactly these columns, in this order. */
    static final String CSV_HEADER =
            "function,input,runtime,startup_us,run_us,total_us,cpu_us,peak_memory_bytes,exit_code,energy_joules";

    String csvLine() {
        Measurement m = measured;
        return String.join(",", function, Long.toString(input), runtime, known(m.startupMicros()), known(m.runMicros()),
                known(m.totalMicros()), known(m.cpuMicros()), known(m.peakMemoryBytes()), Integer.toString(m.exitCode()),
                Double.isNaN(energyJoules) ? "" : String.format(Locale.ROOT, "%.6g", energyJoules));
    }

    /** An unknown measure is an empty field, not a number that could be averaged by mistake. */
    private static String known(long value) {
        return value < 0 ? "" : Long.toString(value);
    }
}
