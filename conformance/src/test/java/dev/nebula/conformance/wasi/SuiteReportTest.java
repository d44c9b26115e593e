package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipReason;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuiteReportTest {

    private static final SuiteCase FD_WRITE = new SuiteCase("c", "fd_write", Path.of("fd_write.wasm"), List.of(), Map.of(),
            List.of(), null, 0, "a\nb\n", null);

    @Test
    void textDiffsNameTheFirstDifference() {
        assertEquals("differs at line 2, column 1: expected \"b\\n\", got \"c\\n\" (expected 4 chars, got 4)",
                TextDiff.summary("a\nb\n", "a\nc\n"));
        assertEquals("differs at line 1, column 3: expected end of output, got \"!\" (expected 2 chars, got 3)",
                TextDiff.summary("ab", "ab!"));
        assertEquals("differs at line 1, column 1: expected \"x\", got end of output (expected 1 chars, got 0)",
                TextDiff.summary("x", ""));
        assertEquals("is as expected", TextDiff.summary("same", "same"));
        assertEquals("\"\\t\\\"\\\\\\u0001ab\"...", TextDiff.quote("\t\"\\\u0001abc", 6));
    }

    @Test
    void aFailedTestShowsItsHeadlineThenIndentedDetails() {
        CaseResult r = CaseResult.mismatched(FD_WRITE, List.of(new Mismatch(Mismatch.EXIT_CODE, 0, 1),
                new Mismatch(Mismatch.STDOUT, "a\nb\n", "a\n")), "a\n", "boom");
        assertEquals(List.of(
                "c/fd_write ... FAILED: expected exit 0, got 1",
                "    stdout differs at line 2, column 1: expected \"b\\n\", got end of output (expected 4 chars, got 2)",
                "    stderr: \"boom\""), SuiteReport.caseLines(r));
        assertEquals(List.of("c/fd_write ... ok"), SuiteReport.caseLines(CaseResult.passed(FD_WRITE, "", "")));
        assertEquals(List.of("c/fd_write ... skipped: why: because"), SuiteReport.caseLines(CaseResult.skipped(FD_WRITE, new SkipReason("why", "because"))));
    }

    @Test
    void theSummaryCountsSkipsPerReasonAndEndsWithTheCounts() {
        SuiteTally tally = new SuiteTally();
        tally.add(CaseResult.passed(FD_WRITE, "", ""));
        SkipReason a = new SkipReason("a", "a reason");
        SkipReason b = new SkipReason("b", "b reason");
        tally.add(CaseResult.skipped(FD_WRITE, b));
        tally.add(CaseResult.skipped(FD_WRITE, a));
        tally.add(CaseResult.skipped(FD_WRITE, b));
        tally.add(CaseResult.failed(FD_WRITE, "trap: unreachable", "", "", null));
        tally.addFailure();
        assertEquals(List.of("engine: interp", "skipped, by reason:", "  1  a: a reason", "  2  b: b reason",
                "1 passed, 2 failed, 3 skipped"), SuiteReport.summaryLines("interp", tally));
        assertEquals(List.of("engine: aot", "skipped, by reason: none", "0 passed, 0 failed, 0 skipped"),
                SuiteReport.summaryLines("aot", new SuiteTally()));
    }
}
