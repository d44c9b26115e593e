package dev.nebula.interpreter.internal;

/**
 * One function translated to the interpreter's code ({@link Op}): shared by every instance of the
 * module and every thread, so it holds only final fields (safe to publish without a lock).
 *
 * <p>Frame layout: slots {@code 0 .. paramCount-1} are the parameters (the caller's arguments,
 * left where the caller put them), {@code paramCount .. localCount-1} the declared locals
 * (zeroed on entry, spec 4.4.10 "invoke"), and above them the operand stack, at most
 * {@code frameSize - localCount} values deep.
 */
final class FunctionCode {

    final int[] code;
    final int paramCount;
    final int localCount;
    final int frameSize;
    final int resultCount;

    FunctionCode(int[] code, int paramCount, int localCount, int frameSize, int resultCount) {
        this.code = code;
        this.paramCount = paramCount;
        this.localCount = localCount;
        this.frameSize = frameSize;
        this.resultCount = resultCount;
    }
}
