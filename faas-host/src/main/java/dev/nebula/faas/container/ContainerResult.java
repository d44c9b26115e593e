package dev.nebula.faas.container;

/**
 * What a container call gave back.
 *
 * @param outcome how it ended
 * @param exitCode the function's exit code ({@link ContainerOutcome#EXITED}), or the engine
 *                 command's after a kill (137 for SIGKILL)
 * @param stdout the answer, with the start stamp taken off when one was asked for and found
 * @param stderr at most the cap's worth of the function's stderr
 * @param stderrTruncated whether stderr had more than its cap
 * @param timings where the time went
 */
public record ContainerResult(ContainerOutcome outcome, int exitCode, byte[] stdout, byte[] stderr,
                              boolean stderrTruncated, ContainerTimings timings) {

    /** Whether the function exited by itself with 0. */
    public boolean succeeded() {
        return outcome == ContainerOutcome.EXITED && exitCode == 0;
    }
}
