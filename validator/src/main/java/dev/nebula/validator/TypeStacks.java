package dev.nebula.validator;

import dev.nebula.decoder.model.ValType;

import java.util.Arrays;

/**
 * The two stacks of the spec's validation algorithm (appendix 4.11.1): operand types and control
 * frames. Types are ints ({@link ValType#ordinal()}, or {@link #UNKNOWN} for the bottom type that
 * unreachable code produces), so validating allocates nothing per instruction.
 */
final class TypeStacks {

    static final int UNKNOWN = -1;
    private static final ValType[] TYPES = ValType.values();
    private static final int[] NO_TYPES = new int[0];

    private int[] operands = new int[64];
    private int operandCount;
    private int maxOperandCount;

    private int[] frameOpcode = new int[16];
    private int[][] frameStartTypes = new int[16][];
    private int[][] frameEndTypes = new int[16][];
    private int[] frameHeight = new int[16];
    private boolean[] frameUnreachable = new boolean[16];
    private int frameCount;
    /** The innermost frame's height, kept apart because every pop compares against it. */
    private int topHeight;

    /** Thrown for a type error; the function validator adds where it happened. */
    static final class TypeError extends RuntimeException {
        TypeError(String message) {
            super(message, null, false, false);
        }
    }

    void reset() {
        topHeight = 0;
        operandCount = 0;
        maxOperandCount = 0;
        frameCount = 0;
    }

    static int code(ValType t) {
        return t.ordinal();
    }

    static int[] codes(java.util.List<ValType> types) {
        if (types.isEmpty()) return NO_TYPES;
        int[] codes = new int[types.size()];
        for (int i = 0; i < codes.length; i++) codes[i] = types.get(i).ordinal();
        return codes;
    }

    static boolean isNumericOrVector(int type) {
        return type == UNKNOWN || !TYPES[type].isReference();
    }

    static boolean isReference(int type) {
        return type == UNKNOWN || TYPES[type].isReference();
    }

    // ---- operands ----

    void push(int type) {
        if (operandCount == operands.length) operands = Arrays.copyOf(operands, operandCount * 2);
        operands[operandCount++] = type;
        if (operandCount > maxOperandCount) maxOperandCount = operandCount;
    }

    void push(ValType type) {
        push(type.ordinal());
    }

    void pushAll(int[] types) {
        for (int t : types) push(t);
    }

    /** Pops any operand; in unreachable code an empty frame yields the unknown type. */
    int pop() {
        if (operandCount == topHeight) {
            if (frameUnreachable[frameCount - 1]) return UNKNOWN;
            throw new TypeError("type mismatch");
        }
        return operands[--operandCount];
    }

    /**
     * Pops an operand that must have type {@code expected} (or be unknown). Returns the actual
     * type, so an unknown operand stays unknown when br_table pushes it back (appendix 4.11.1).
     */
    int pop(int expected) {
        int actual = pop();
        if (actual != expected && actual != UNKNOWN && expected != UNKNOWN) throw new TypeError("type mismatch");
        return actual;
    }

    int pop(ValType expected) {
        return pop(expected.ordinal());
    }

    void popAll(int[] expected) {
        for (int i = expected.length - 1; i >= 0; i--) pop(expected[i]);
    }

    int operandCount() {
        return operandCount;
    }

    int maxOperandCount() {
        return maxOperandCount;
    }

    // ---- control frames ----

    void pushFrame(int opcode, int[] startTypes, int[] endTypes) {
        if (frameCount == frameOpcode.length) growFrames();
        frameOpcode[frameCount] = opcode;
        frameStartTypes[frameCount] = startTypes;
        frameEndTypes[frameCount] = endTypes;
        frameHeight[frameCount] = operandCount;
        topHeight = operandCount;
        frameUnreachable[frameCount] = false;
        frameCount++;
        pushAll(startTypes);
    }

    private void growFrames() {
        int n = frameOpcode.length * 2;
        frameOpcode = Arrays.copyOf(frameOpcode, n);
        frameStartTypes = Arrays.copyOf(frameStartTypes, n);
        frameEndTypes = Arrays.copyOf(frameEndTypes, n);
        frameHeight = Arrays.copyOf(frameHeight, n);
        frameUnreachable = Arrays.copyOf(frameUnreachable, n);
    }

    /** Pops the innermost frame after checking that exactly its end types are on the stack. */
    void popFrame() {
        int top = frameCount - 1;
        popAll(frameEndTypes[top]);
        if (operandCount != frameHeight[top]) throw new TypeError("type mismatch");
        frameCount--;
        topHeight = frameCount > 0 ? frameHeight[frameCount - 1] : 0;
    }

    int frameCount() {
        return frameCount;
    }

    int topOpcode() {
        return frameOpcode[frameCount - 1];
    }

    void setTopOpcode(int opcode) {
        frameOpcode[frameCount - 1] = opcode;
    }

    int[] topStartTypes() {
        return frameStartTypes[frameCount - 1];
    }

    int[] topEndTypes() {
        return frameEndTypes[frameCount - 1];
    }


    /** Types a branch to label {@code depth} carries: a loop's parameters, else the block's results. */
    int[] labelTypes(int depth) {
        int i = frameCount - 1 - depth;
        return frameOpcode[i] == LOOP ? frameStartTypes[i] : frameEndTypes[i];
    }

    boolean hasLabel(int depth) {
        return depth >= 0 && depth < frameCount;
    }

    /** Code after this point is unreachable: drop to the frame's height and accept any operand. */
    void markUnreachable() {
        int top = frameCount - 1;
        operandCount = frameHeight[top];
        frameUnreachable[top] = true;
    }

    static final int LOOP = 0x03;
}
