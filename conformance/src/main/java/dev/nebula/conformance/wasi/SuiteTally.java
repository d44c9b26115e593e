package dev.nebula.wasi.testsuite;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a run: passed, failed, and skipped per reason. */
public final class SuiteTally {

    private int passed;
    private int failed;
    private final Map<String, Integer> skippedByReason = new TreeMap<>();

    public synchronized void add(CaseResult result) {
        switch (result.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skippedByReason.merge(result.skipReason(), 1, Integer::sum);
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

    public synchronized int skipped() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skipped tests per reason, in the reasons' alphabetical order. */
    public synchronized Map<String, Integer> skippedByReason() {
        return Collections.unmodifiableMap(new TreeMap<>(skippedByReason));
    }

    /** {@code N passed, N failed, N skipped}. */
    public synchronized String countsLine() {
        return passed + " passed, " + failed + " failed, " + skipped() + " skipped";
    }
}
