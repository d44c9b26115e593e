package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipCounts;
import dev.nebula.conformance.skip.SkipReason;

import java.util.Map;

/**
 * Counts of a spec run: passed, failed, skipped per reason, and how many rejections carried the
 * suite's own message. Adds up per file and over a whole run.
 */
public final class SpecTally {

    private int passed;
    private int failed;
    private final SkipCounts skips = new SkipCounts();
    private int rejections;
    private int rejectionsWithSuiteMessage;

    public synchronized void add(CommandResult result) {
        switch (result.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skips.add(result.skipReason());
        }
        if (result.rejection() != null) {
            rejections++;
            if (result.rejection().messageMatches()) rejectionsWithSuiteMessage++;
        }
    }

    /** Counts a skip without a result, for callers that never build one for skipped commands. */
    public synchronized void addSkip(SkipReason reason) {
        skips.add(reason);
    }

    /** Counts a failure that has no command, such as a script that could not be converted. */
    public synchronized void addFailure() {
        failed++;
    }

    public void addAll(SpecTally other) {
        int otherPassed;
        int otherFailed;
        int otherRejections;
        int otherWithMessage;
        synchronized (other) {
            otherPassed = other.passed;
            otherFailed = other.failed;
            otherRejections = other.rejections;
            otherWithMessage = other.rejectionsWithSuiteMessage;
        }
        synchronized (this) {
            passed += otherPassed;
            failed += otherFailed;
            skips.addAll(other.skips);
            rejections += otherRejections;
            rejectionsWithSuiteMessage += otherWithMessage;
        }
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

    /** Skipped commands per reason, by the reasons' keys. */
    public Map<SkipReason, Integer> skippedByReason() {
        return skips.byReason();
    }

    /** The skips, for the report's per-reason block and for pinning. */
    public SkipCounts skips() {
        return skips;
    }

    /** Modules rejected by the stage the suite expected. */
    public synchronized int rejections() {
        return rejections;
    }

    /** Of {@link #rejections()}, those whose message starts with the suite's text. */
    public synchronized int rejectionsWithSuiteMessage() {
        return rejectionsWithSuiteMessage;
    }

    /** {@code N passed, N failed, N skipped}. */
    public synchronized String countsLine() {
        return passed + " passed, " + failed + " failed, " + skipped() + " skipped";
    }
}
