package dev.nebula.conformance.wasi;

import java.util.ArrayList;
import java.util.List;

/**
 * What the suite's specification checks after a run: the exit code always, stdout and stderr
 * exactly when the test's JSON gives them, in that order.
 */
final class Expectations {

    private Expectations() {
    }

    /** The expectations of {@code test} that the run did not meet; empty when it passed. */
    public static List<Mismatch> check(SuiteCase test, int exitCode, String stdout, String stderr) {
        List<Mismatch> mismatches = new ArrayList<>();
        if (test.exitCode() != exitCode) mismatches.add(new Mismatch(Mismatch.EXIT_CODE, test.exitCode(), exitCode));
        if (test.stdout() != null && !test.stdout().equals(stdout)) mismatches.add(new Mismatch(Mismatch.STDOUT, test.stdout(), stdout));
        if (test.stderr() != null && !test.stderr().equals(stderr)) mismatches.add(new Mismatch(Mismatch.STDERR, test.stderr(), stderr));
        return mismatches;
    }
}
