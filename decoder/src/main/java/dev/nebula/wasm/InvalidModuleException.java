package dev.nebula.wasm;

/**
 * The module decoded but breaks a validation rule (spec chapter 3). {@link #functionIndex()} is
 * the index in the function index space of the function that failed, or -1 when the rule is
 * about the module as a whole; {@link #offset()} is the byte offset of the offending instruction
 * or item in the module, or -1 when none applies.
 */
public final class InvalidModuleException extends WasmException {

    private final int functionIndex;
    private final long offset;

    public InvalidModuleException(String specMessage, String context) {
        this(specMessage, -1, -1, context);
    }

    public InvalidModuleException(String specMessage, int functionIndex, long offset, String context) {
        super(specMessage, describe(functionIndex, offset, context));
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    /** With a function index, {@code context} names the function (e.g. {@code 3 ($fib)}); else it says where. */
    private static String describe(int functionIndex, long offset, String context) {
        StringBuilder where = new StringBuilder();
        if (functionIndex >= 0) {
            where.append("in function ").append(context != null && !context.isEmpty() ? context : Integer.toString(functionIndex));
        } else if (context != null && !context.isEmpty()) {
            where.append(context);
        }
        if (offset >= 0) {
            if (where.length() > 0) where.append(' ');
            where.append("at byte offset ").append(offset);
        }
        return where.toString();
    }

    public int functionIndex() {
        return functionIndex;
    }

    public long offset() {
        return offset;
    }
}
