package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipCounts;
import dev.nebula.conformance.skip.SkipReason;

import java.util.Map;

/** Counts of a run: passed, failed, and skipped per reason. */
public final class SuiteTally {

    private int passed;
    private int failed;
    private final SkipCounts skips = new SkipCounts();

    public synchronized void add(CaseResult result) {
        switch (result.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skips.add(result.skipReason());
        }
    }

    /** Counts a failure that has no test result, such as a test whose JSON could not be read. */
    public synchronized void addFailure() {
        failed++;
    }

    public synchronized int passed() {
        return passed;
    }

    public synchronized int failed() {
        return failed;
    }

    public int skipped() {
        return skips.total();
    }

    /** Skipped tests per reason, by the reasons' keys. */
    public Map<SkipReason, Integer> skippedByReason() {
        return skips.byReason();
    }

    /** The skips, for the report's per-reason block and for pinning. */
    public SkipCounts skips() {
        return skips;
    }

    /** {@code N passed, N failed, N skipped}. */
    public synchronized String countsLine() {
        return passed + " passed, " + failed + " failed, " + skipped() + " skipped";
    }
}
