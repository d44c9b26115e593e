package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;

import java.util.ArrayList;
import java.util.List;

/**
 * A switch as compilers lay it out in Wasm (spec 2.4.8 block, br_table): a run of directly nested
 * {@code block}s without parameters or results, B<sub>0</sub> outermost to B<sub>n</sub>
 * innermost, whose innermost body (typically ending in a {@code br_table}) jumps to the end of
 * some B<sub>k</sub>; the code after B<sub>k</sub>'s {@code end} up to B<sub>k-1</sub>'s
 * {@code end} is case k ("tail k"), and it falls through into tail k-1. Control only ever moves
 * to lower levels: tail k can branch to B<sub>i</sub> for i &lt; k only, the blocks still open.
 *
 * <p>Too large for one JVM method, such a nest used to become a chain of nested region methods
 * (the {@link Outliner} outlines the inner nest again and again), so a branch from the innermost
 * body to a far level returned through every region in between (shootout-switch: 23 calls per
 * dispatch, bench/RESULTS.md). Instead the compiler keeps the innermost body and the lowest tails
 * (up to {@link #INLINE_BUDGET} Wasm bytes) in the enclosing method, groups the other tails into
 * bucket methods of consecutive levels (up to {@link #BUCKET_BUDGET} bytes each), and dispatches
 * on the level: at most one call per bucket per pass through the switch, and in a typical
 * {@code switch} with {@code break}s exactly one.
 */
final class SwitchNest {

    /**
     * Fewer blocks than this are left to the {@link Outliner}: a few levels make a short chain of
     * regions at worst, and tinygo-regex's many small nests ran 3% slower as buckets. Lowered by
     * the system property nebula.aot.switch.minBlocks so that the tests' small budgets push the
     * spec suite's nests through this machinery.
     */
    static final int MIN_BLOCKS = Math.max(2, Integer.getInteger("nebula.aot.switch.minBlocks", 16));
    /** More levels than this would not fit the string constants that map indexes and levels to code (65,535 bytes of modified UTF-8). */
    static final int MAX_LEVELS = 16_000;
    /** Wasm bytes of tails per bucket method. */
    static final int BUCKET_BUDGET = Outliner.BUDGET;
    /** Wasm bytes of the lowest tails kept in the enclosing method. */
    static final int INLINE_BUDGET = Outliner.BUDGET / 4;

    /** n: the levels are 0 (B<sub>0</sub>, the whole construct) to n (the innermost block). */
    final int levels;
    /** Offset of B<sub>0</sub>'s block instruction. */
    final int start;
    /** Offset of the first instruction of the innermost body. */
    final int bodyStart;
    /** Per level k, the offset of the {@code end} instruction of B<sub>k</sub>. */
    final int[] endAt;
    /** Tails 1 to this level stay in the enclosing method (0: none). */
    final int inlineLevels;
    /** The buckets, innermost first: each {lo, hi}, the tails hi down to lo. */
    final List<int[]> buckets;

    private SwitchNest(int levels, int start, int bodyStart, int[] endAt) {
        this.levels = levels;
        this.start = start;
        this.bodyStart = bodyStart;
        this.endAt = endAt;
        int m = 0;
        int bytes = 0;
        while (m < levels && bytes + tailBytes(m + 1) <= INLINE_BUDGET) bytes += tailBytes(++m);
        inlineLevels = m;
        buckets = new ArrayList<>();
        int hi = levels;
        while (hi > m) {
            int lo = hi;
            int size = tailBytes(hi);
            while (lo - 1 > m && size + tailBytes(lo - 1) <= BUCKET_BUDGET) size += tailBytes(--lo);
            buckets.add(new int[] {lo, hi});
            hi = lo - 1;
        }
    }

    /** Wasm bytes of tail k (1 &le; k &le; n), from after B<sub>k</sub>'s end to B<sub>k-1</sub>'s end inclusive. */
    int tailBytes(int k) {
        return endAt[k - 1] - endAt[k];
    }

    /** Offset of the first instruction of tail k. */
    int tailStart(int k) {
        return endAt[k] + 1;
    }

    /** The bucket holding tail k, or -1 when the enclosing method does. */
    int bucketOf(int k) {
        for (int b = 0; b < buckets.size(); b++) {
            if (buckets.get(b)[0] <= k && k <= buckets.get(b)[1]) return b;
        }
        return -1;
    }

    /**
     * The nest starting at the block instruction at {@code start}, or null when there is none
     * worth splitting this way: fewer than {@link #MIN_BLOCKS} blocks, or all of it within one
     * method's budget ({@link Outliner#BUDGET}). Of a run of more than {@link #MAX_LEVELS} + 1
     * blocks, the nest is the first ones.
     */
    static SwitchNest at(byte[] bytes, int start, int codeEnd) {
        CodeReader r = new CodeReader(bytes, start, codeEnd);
        int blocks = 0;
        int bodyStart = -1;
        // a longer run of blocks is cut after MAX_LEVELS + 1: the rest starts the innermost body
        // (a nest of its own), so no run is scanned more than once per block
        while (blocks <= MAX_LEVELS) {
            int at = r.position();
            Opcode op = r.next();
            if (op != Opcode.BLOCK || r.blockType() != CodeReader.BLOCK_EMPTY) {
                bodyStart = at;
                break;
            }
            blocks++;
        }
        if (bodyStart < 0) bodyStart = r.position();
        if (blocks < MIN_BLOCKS) return null;
        int n = blocks - 1;
        int[] endAt = new int[n + 1];
        // find each block's end: the reader stands on the innermost body's first instruction
        r.position(bodyStart);
        int open = blocks;
        int nested = 0;
        while (open > 0) {
            Opcode op = r.next();
            switch (op) {
                case BLOCK, LOOP, IF -> nested++;
                case END -> {
                    if (nested > 0) nested--;
                    else endAt[--open] = r.instructionStart();
                }
                default -> { }
            }
        }
        if (r.position() - start <= Outliner.BUDGET) return null;
        return new SwitchNest(n, start, bodyStart, endAt);
    }
}
