package dev.nebula.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts megabytes of code section processed. JMH divides an OPERATIONS counter by the
 * measured time, so the figure it reports as {@code codeMB} (in "ops/s") is MB/s of code section,
 * with no conversion by hand.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CodeThroughput {

    /** Megabytes (10^6 bytes) of code section processed in the current iteration. */
    public double codeMB;

    /** JMH never resets auxiliary counters itself. */
    @Setup(Level.Iteration)
    public void reset() {
        codeMB = 0;
    }
}
