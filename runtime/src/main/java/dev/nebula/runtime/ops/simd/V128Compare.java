package dev.nebula.runtime.ops.simd;

/**
 * Lane comparisons (spec 4.4.3 {@code vrelop}): each lane of the result is all ones when the
 * relation holds and zero otherwise. One 64-bit half per call. Float lanes compare as IEEE 754
 * does: every relation with a NaN is false, except {@code ne}, which is true.
 */
public final class V128Compare {

    /** Comparison kinds, in the order of the Wasm opcodes of each integer shape. */
    public static final int EQ = 0;
    public static final int NE = 1;
    public static final int LT_S = 2;
    public static final int LT_U = 3;
    public static final int GT_S = 4;
    public static final int GT_U = 5;
    public static final int LE_S = 6;
    public static final int LE_U = 7;
    public static final int GE_S = 8;
    public static final int GE_U = 9;

    /** Float comparison kinds, in Wasm opcode order (f32x4.eq .. f32x4.ge). */
    public static final int F_EQ = 0;
    public static final int F_NE = 1;
    public static final int F_LT = 2;
    public static final int F_GT = 3;
    public static final int F_LE = 4;
    public static final int F_GE = 5;

    private V128Compare() {
    }

    /** i8x16 comparison {@code kind} (one of {@link #EQ} .. {@link #GE_U}) of one half. */
    public static long i8x16(int kind, long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) {
            if (holds(kind, (byte) (a >>> s), (byte) (b >>> s), (int) (a >>> s) & 0xFF, (int) (b >>> s) & 0xFF)) r |= 0xFFL << s;
        }
        return r;
    }

    public static long i16x8(int kind, long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) {
            if (holds(kind, (short) (a >>> s), (short) (b >>> s), (int) (a >>> s) & 0xFFFF, (int) (b >>> s) & 0xFFFF)) r |= 0xFFFFL << s;
        }
        return r;
    }

    public static long i32x4(int kind, long a, long b) {
        long r = 0;
        if (holds(kind, (int) a, (int) b, a & 0xFFFF_FFFFL, b & 0xFFFF_FFFFL)) r |= 0xFFFF_FFFFL;
        if (holds(kind, (int) (a >>> 32), (int) (b >>> 32), a >>> 32, b >>> 32)) r |= 0xFFFF_FFFF_0000_0000L;
        return r;
    }

    /** i64x2 has only eq, ne and the signed relations; the kinds are the same constants. */
    public static long i64x2(int kind, long a, long b) {
        boolean t = switch (kind) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT_S -> a < b;
            case GT_S -> a > b;
            case LE_S -> a <= b;
            case GE_S -> a >= b;
            default -> throw new IllegalArgumentException("no i64x2 comparison " + kind);
        };
        return t ? -1L : 0L;
    }

    /** f32x4 comparison {@code kind} (one of {@link #F_EQ} .. {@link #F_GE}) of one half. */
    public static long f32x4(int kind, long a, long b) {
        long r = 0;
        if (holds(kind, Float.intBitsToFloat((int) a), Float.intBitsToFloat((int) b))) r |= 0xFFFF_FFFFL;
        if (holds(kind, Float.intBitsToFloat((int) (a >>> 32)), Float.intBitsToFloat((int) (b >>> 32)))) r |= 0xFFFF_FFFF_0000_0000L;
        return r;
    }

    public static long f64x2(int kind, long a, long b) {
        return holds(kind, Double.longBitsToDouble(a), Double.longBitsToDouble(b)) ? -1L : 0L;
    }

    private static boolean holds(int kind, long s1, long s2, long u1, long u2) {
        return switch (kind) {
            case EQ -> s1 == s2;
            case NE -> s1 != s2;
            case LT_S -> s1 < s2;
            case LT_U -> u1 < u2;
            case GT_S -> s1 > s2;
            case GT_U -> u1 > u2;
            case LE_S -> s1 <= s2;
            case LE_U -> u1 <= u2;
            case GE_S -> s1 >= s2;
            case GE_U -> u1 >= u2;
            default -> throw new IllegalArgumentException("no integer comparison " + kind);
        };
    }

    private static boolean holds(int kind, double x, double y) {
        return switch (kind) {
            case F_EQ -> x == y;
            case F_NE -> x != y;
            case F_LT -> x < y;
            case F_GT -> x > y;
            case F_LE -> x <= y;
            case F_GE -> x >= y;
            default -> throw new IllegalArgumentException("no float comparison " + kind);
        };
    }
}
