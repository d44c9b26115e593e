package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipReason;
import java.util.ArrayList;
import java.util.List;

/**
 * How one test went.
 *
 * @param status     passed, failed or skipped
 * @param skipReason the skip list's reason, when skipped
 * @param failure    one line saying why it failed ({@code expected exit 0, got 1}, {@code trap: unreachable}), when failed
 * @param mismatches the expectations not met (empty when the run did not get as far as comparing)
 * @param stdout     what the program printed on stdout ({@code ""} when it did not run)
 * @param stderr     what it printed on stderr
 * @param cause      the exception that ended the run, when one did
 */
public record CaseResult(SuiteCase test, Status status, SkipReason skipReason, String failure, List<Mismatch> mismatches,
                         String stdout, String stderr, Throwable cause) {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** How many characters of the program's output a failure shows. */
    static final int OUTPUT_SHOWN = 2000;

    public CaseResult {
        mismatches = List.copyOf(mismatches);
    }

    public static CaseResult passed(SuiteCase test, String stdout, String stderr) {
        return new CaseResult(test, Status.PASSED, null, null, List.of(), stdout, stderr, null);
    }

    public static CaseResult skipped(SuiteCase test, SkipReason reason) {
        return new CaseResult(test, Status.SKIPPED, reason, null, List.of(), "", "", null);
    }

    /** Failed on an expectation: the first mismatch is the headline. */
    public static CaseResult mismatched(SuiteCase test, List<Mismatch> mismatches, String stdout, String stderr) {
        return new CaseResult(test, Status.FAILED, null, mismatches.get(0).summary(), mismatches, stdout, stderr, null);
    }

    /** Failed before its expectations could be compared: a trap, a time-out, a fixture that could not be copied. */
    public static CaseResult failed(SuiteCase test, String failure, String stdout, String stderr, Throwable cause) {
        return new CaseResult(test, Status.FAILED, null, failure, List.of(), stdout, stderr, cause);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public boolean skipped() {
        return status == Status.SKIPPED;
    }

    /** The first mismatch, whose expected and actual values a test framework can show as a diff; null if none. */
    public Mismatch firstMismatch() {
        return mismatches.isEmpty() ? null : mismatches.get(0);
    }

    /**
     * The lines that explain a failure after its headline: the other mismatches, then the
     * program's stdout and stderr (abbreviated) unless a mismatch already showed them. Empty
     * unless failed.
     */
    public List<String> details() {
        List<String> lines = new ArrayList<>();
        if (!failed()) return lines;
        boolean stdoutShown = false;
        boolean stderrShown = false;
        for (int i = 0; i < mismatches.size(); i++) {
            Mismatch m = mismatches.get(i);
            if (i > 0) lines.add(m.summary());
            stdoutShown |= m.what().equals(Mismatch.STDOUT);
            stderrShown |= m.what().equals(Mismatch.STDERR);
        }
        if (!stdoutShown && !stdout.isEmpty()) lines.add("stdout: " + TextDiff.quote(stdout, OUTPUT_SHOWN));
        if (!stderrShown && !stderr.isEmpty()) lines.add("stderr: " + TextDiff.quote(stderr, OUTPUT_SHOWN));
        return lines;
    }

    /** The failure as one message: the headline, then the details, separated by "; ". */
    public String message() {
        if (!failed()) return status.name().toLowerCase(java.util.Locale.ROOT);
        List<String> parts = new ArrayList<>();
        parts.add(failure);
        parts.addAll(details());
        return String.join("; ", parts);
    }
}
