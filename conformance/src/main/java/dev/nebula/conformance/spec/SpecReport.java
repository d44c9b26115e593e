package dev.nebula.cli.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text a spec run prints, shared by the CLI and the spec-tests module so that both read the
 * same: one line per script, the skip reasons with their counts, the message agreement, and a
 * final {@code N passed, N failed, N skipped} line alone.
 */
public final class SpecReport {

    private SpecReport() {
    }

    /** {@code binary.wast: 120 passed, 0 failed, 30 skipped}. */
    public static String scriptLine(String scriptName, SpecTally tally) {
        return scriptName + ": " + tally.countsLine();
    }

    /** The closing block: the engine, skip reasons, message agreement, then the counts line last. */
    public static List<String> summaryLines(String engineName, SpecTally total) {
        List<String> lines = new ArrayList<>();
        lines.add("engine: " + engineName);
        Map<SkipReason, Integer> skips = total.skippedByReason();
        if (!skips.isEmpty()) {
            lines.add("skipped, by reason:");
            int width = skips.values().stream().mapToInt(n -> Integer.toString(n).length()).max().orElse(1);
            skips.forEach((reason, n) -> lines.add(String.format(Locale.ROOT, "  %" + width + "d  %s", n, reason)));
        }
        lines.add("rejections with the suite's message: " + total.rejectionsWithSuiteMessage() + " of " + total.rejections());
        lines.add(total.countsLine());
        return lines;
    }
}
