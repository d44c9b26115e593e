package dev.nebula.runtime.ops.simd;

/**
 * The bitwise vector operators (spec 4.4.3 {@code vvunop}, {@code vvbinop}, {@code vvternop},
 * {@code vvtestop}) on one 64-bit half each, except {@link #anyTrue}, which sees both.
 */
public final class V128Bitwise {

    private V128Bitwise() {
    }

    public static long not(long a) {
        return ~a;
    }

    public static long and(long a, long b) {
        return a & b;
    }

    /** v128.andnot: {@code a & ~b}. */
    public static long andNot(long a, long b) {
        return a & ~b;
    }

    public static long or(long a, long b) {
        return a | b;
    }

    public static long xor(long a, long b) {
        return a ^ b;
    }

    /** v128.bitselect: each bit from {@code a} where {@code mask} is 1, else from {@code b}. */
    public static long bitselect(long a, long b, long mask) {
        return (a & mask) | (b & ~mask);
    }

    /** v128.any_true: 1 if any bit of the vector is set. */
    public static int anyTrue(long lo, long hi) {
        return (lo | hi) != 0 ? 1 : 0;
    }
}
