package dev.nebula.wasm;

/**
 * Why execution trapped (spec 4.4), each with the message text the spec suite expects in
 * {@code assert_trap} and {@code assert_exhaustion}.
 */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    OUT_OF_BOUNDS_MEMORY_ACCESS("out of bounds memory access"),
    OUT_OF_BOUNDS_TABLE_ACCESS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** A limit of the embedder, such as a FaaS time budget, ended the call. */
    INTERRUPTED("interrupted");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** The spec suite's text for this trap. */
    public String message() {
        return message;
    }
}
