package dev.nebula.cli.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a spec run: passed, failed, skipped per reason, and how many rejections carried the
 * suite's own message. Adds up per file and over a whole run.
 */
public final class SpecTally {

    private int passed;
    private int failed;
    private final Map<SkipReason, Integer> skippedByReason = new TreeMap<>();
    private int rejections;
    private int rejectionsWithSuiteMessage;

    public synchronized void add(CommandResult result) {
        switch (result.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skippedByReason.merge(result.skipReason(), 1, Integer::sum);
        }
        if (result.rejection() != null) {
            rejections++;
            if (result.rejection().messageMatches()) rejectionsWithSuiteMessage++;
        }
    }

    /** Counts a skip without a result, for callers that never build one for skipped commands. */
    public synchronized void addSkip(SkipReason reason) {
        skippedByReason.merge(reason, 1, Integer::sum);
    }

    /** Counts a failure that has no command, such as a script that could not be converted. */
    public synchronized void addFailure() {
        failed++;
    }

    public synchronized void addAll(SpecTally other) {
        SpecTally copy = other.snapshot();
        passed += copy.passed;
        failed += copy.failed;
        copy.skippedByReason.forEach((reason, n) -> skippedByReason.merge(reason, n, Integer::sum));
        rejections += copy.rejections;
        rejectionsWithSuiteMessage += copy.rejectionsWithSuiteMessage;
    }

    private synchronized SpecTally snapshot() {
        SpecTally copy = new SpecTally();
        copy.passed = passed;
        copy.failed = failed;
        copy.skippedByReason.putAll(skippedByReason);
        copy.rejections = rejections;
        copy.rejectionsWithSuiteMessage = rejectionsWithSuiteMessage;
        return copy;
    }

    public synchronized int passed() {
        return passed;
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized int skipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skipped commands per reason, in the reasons' alphabetical order. */
    public synchronized Map<SkipReason, Integer> skippedByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(skippedByReason));
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
