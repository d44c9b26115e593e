package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipReason;
/**
 * The outcome of one spec command. A skipped command carries its {@link SkipReason}; a failed one
 * a {@code detail} saying what was expected and what happened; a module rejected by the right
 * stage carries the {@link Rejection}, so reports can count how often our message is the suite's.
 */
public record CommandResult(ScriptCommand command, Status status, String detail, SkipReason skipReason, Rejection rejection) {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** A module rejected as the command expected: the suite's message and the one we gave. */
    public record Rejection(String expectedText, String specMessage) {
        /**
         * The reference interpreter's rule: the suite's text is a prefix of the actual message
         * (e.g. "unexpected end" is met by "unexpected end of section or function").
         */
        public boolean messageMatches() {
            return specMessage != null && specMessage.startsWith(expectedText);
        }
    }

    public static CommandResult passed(ScriptCommand command) {
        return new CommandResult(command, Status.PASSED, null, null, null);
    }

    public static CommandResult rejected(ScriptCommand command, Rejection rejection) {
        return new CommandResult(command, Status.PASSED, null, null, rejection);
    }

    public static CommandResult failed(ScriptCommand command, String detail) {
        return new CommandResult(command, Status.FAILED, detail, null, null);
    }

    public static CommandResult skipped(ScriptCommand command, SkipReason reason) {
        return new CommandResult(command, Status.SKIPPED, null, reason, null);
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

    /** {@code line 12: assert_invalid x.3.wasm: DETAIL} for failure reports. */
    public String describe() {
        String what = "line " + command.line() + ": " + command.describe();
        return detail == null ? what : what + ": " + detail;
    }
}
