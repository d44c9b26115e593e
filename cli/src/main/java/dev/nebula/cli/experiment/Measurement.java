package dev.nebula.cli.experiment;

/**
 * What one invocation measured; -1 marks a measure that is not known.
 *
 * @param startupMicros request until the function's {@code main} began (its start stamp)
 * @param runMicros {@code main} began until the runtime returned
 * @param totalMicros request until the runtime returned
 * @param cpuMicros CPU time the invocation cost
 * @param peakMemoryBytes its highest memory use (Wasm: the linear memory; container: its cgroup)
 * @param exitCode the function's exit code (134 for a Wasm trap, 124 for a timeout)
 * @param answer the function's answer, stamp taken off, for comparing runtimes
 * @param problem why the invocation failed, or null
 */
record Measurement(long startupMicros, long runMicros, long totalMicros, long cpuMicros, long peakMemoryBytes,
                   int exitCode, String answer, String problem) {

    /** The exit code recorded for an invocation stopped at its timeout (as coreutils' timeout). */
    static final int TIMED_OUT = 124;
}
