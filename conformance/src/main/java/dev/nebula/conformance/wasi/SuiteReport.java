package dev.nebula.conformance.wasi;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a run prints: a line per test ({@code c/fd_write ... ok}, {@code ... FAILED: why}
 * with indented details, {@code ... skipped: reason}), then the engine, the skips counted per
 * reason (or none), and last, alone on its line, {@code N passed, N failed, N skipped}.
 */
public final class SuiteReport {

    private SuiteReport() {
    }

    /** The test's line, followed by its failure details indented by four spaces. */
    public static List<String> caseLines(CaseResult result) {
        List<String> lines = new ArrayList<>();
        String head = result.test().id() + " ... ";
        switch (result.status()) {
            case PASSED -> lines.add(head + "ok");
            case SKIPPED -> lines.add(head + "skipped: " + result.skipReason());
            case FAILED -> {
                lines.add(head + "FAILED: " + result.failure());
                for (String detail : result.details()) lines.add("    " + detail);
            }
        }
        return lines;
    }

    /** The closing block: the engine, the skips per reason (or none), then the counts line last. */
    public static List<String> summaryLines(String engineName, SuiteTally total) {
        List<String> lines = new ArrayList<>();
        lines.add("engine: " + engineName);
        lines.addAll(total.skips().reportLines());
        lines.add(total.countsLine());
        return lines;
    }
}
