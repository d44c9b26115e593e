package dev.nebula.validator;

import java.util.Arrays;

/**
 * What validation learns about one defined function that an engine needs before it runs it:
 * the deepest operand stack (in values; a v128 counts as one), the deepest block nesting, and
 * the branch side table: for each {@code block}, {@code loop} and {@code if}, the offset of its
 * matching {@code end} and, for an {@code if}, of its {@code else}.
 */
public final class FunctionFacts {

    private final int functionIndex;
    private final int maxStackHeight;
    private final int maxControlDepth;
    private final int[] blockStarts;
    private final int[] blockEnds;
    private final int[] elseOffsets;

    public FunctionFacts(int functionIndex, int maxStackHeight, int maxControlDepth,
                         int[] blockStarts, int[] blockEnds, int[] elseOffsets) {
        this.functionIndex = functionIndex;
        this.maxStackHeight = maxStackHeight;
        this.maxControlDepth = maxControlDepth;
        this.blockStarts = blockStarts;
        this.blockEnds = blockEnds;
        this.elseOffsets = elseOffsets;
    }

    /** Index of the function in the function index space. */
    public int functionIndex() {
        return functionIndex;
    }

    /** The most operands ever on this function's stack at once, locals not included. */
    public int maxStackHeight() {
        return maxStackHeight;
    }

    /** The deepest nesting of blocks, the function's own block counted as 1. */
    public int maxControlDepth() {
        return maxControlDepth;
    }

    /** Number of blocks, loops and ifs in the function. */
    public int blockCount() {
        return blockStarts.length;
    }

    /**
     * Offset of the {@code end} that closes the block, loop or if whose opcode is at
     * {@code blockOffset}; -1 if no block starts there.
     */
    public int endOf(int blockOffset) {
        int i = Arrays.binarySearch(blockStarts, blockOffset);
        return i < 0 ? -1 : blockEnds[i];
    }

    /** Offset of the {@code else} of the if at {@code ifOffset}; -1 if it has none or no if starts there. */
    public int elseOf(int ifOffset) {
        int i = Arrays.binarySearch(blockStarts, ifOffset);
        return i < 0 ? -1 : elseOffsets[i];
    }
}
