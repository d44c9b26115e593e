package dev.nebula.conformance.wasi;

/**
 * One expectation of a test that the run did not meet: the exit code, stdout or stderr.
 *
 * @param what     {@link #EXIT_CODE}, {@link #STDOUT} or {@link #STDERR}
 * @param expected what the test's JSON asks for (an {@code Integer} or a {@code String})
 * @param actual   what the run gave, of the same type
 */
public record Mismatch(String what, Object expected, Object actual) {

    public static final String EXIT_CODE = "exit code";
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    /** {@code expected exit 0, got 1}, or {@code stdout differs at line 1, column 4: ...}. */
    public String summary() {
        if (what.equals(EXIT_CODE)) return "expected exit " + expected + ", got " + actual;
        return what + " " + TextDiff.summary((String) expected, (String) actual);
    }
}
