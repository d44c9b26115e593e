package dev.nebula.conformance.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a spec run prints, shared by the CLI and the suite test ({@code CoreSpecSuiteTest}) so
 * that both read the same: one line per script, the skips per reason, the message agreement, and
 * a final {@code N passed, N failed, N skipped} line alone.
 */
public final class SpecReport {

    private SpecReport() {
    }

    /** {@code binary.wast: 120 passed, 0 failed, 30 skipped}. */
    public static String scriptLine(String scriptName, SpecTally tally) {
        return scriptName + ": " + tally.countsLine();
    }

    /** The closing block: the engine, skips per reason (or none), message agreement, then the counts line last. */
    public static List<String> summaryLines(String engineName, SpecTally total) {
        List<String> lines = new ArrayList<>();
        lines.add("engine: " + engineName);
        lines.addAll(total.skips().reportLines());
        lines.add("rejections with the suite's message: " + total.rejectionsWithSuiteMessage() + " of " + total.rejections());
        lines.add(total.countsLine());
        return lines;
    }
}
