package dev.nebula.faas;

/**
 * What one invocation did, whatever the kind of function.
 *
 * @param outcome        how it ended
 * @param exitCode       the program's exit code, or -1 when it did not exit (trap, timeout, ...)
 * @param stdout         what it wrote to stdout, at most {@code max_output_bytes}
 * @param stderr         what it wrote to stderr, at most {@code max_output_bytes}
 * @param message        for a failure, what went wrong in words (names the trap, the limit); else ""
 * @param startupMicros  from the request's arrival until the function's code began ({@code _start})
 * @param runMicros      from {@code _start} until the function ended
 * @param totalMicros    from the request's arrival until the function ended
 * @param cpuMicros      CPU time of the thread that ran it, instantiation included
 */
public record InvocationResult(Outcome outcome, int exitCode, byte[] stdout, byte[] stderr, String message,
                               long startupMicros, long runMicros, long totalMicros, long cpuMicros) {

    public static final int NO_EXIT_CODE = -1;

    /** A call refused or failed before it ran anything. */
    public static InvocationResult refused(Outcome outcome, String message, long receivedNanos) {
        long total = (System.nanoTime() - receivedNanos) / 1000;
        return new InvocationResult(outcome, NO_EXIT_CODE, new byte[0], new byte[0], message, total, 0, total, 0);
    }
}
