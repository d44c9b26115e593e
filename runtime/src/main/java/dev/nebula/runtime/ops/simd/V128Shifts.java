package dev.nebula.runtime.ops.simd;

/**
 * Lane shifts (spec 4.4.3 {@code vshiftop}): the count is taken modulo the lane width, then each
 * lane of one 64-bit half shifts on its own. Masks keep the bits of one lane from entering the next.
 */
public final class V128Shifts {

    private V128Shifts() {
    }

    public static long i8x16Shl(long a, int count) {
        int s = count & 7;
        return (a << s) & (0x0101_0101_0101_0101L * ((0xFF << s) & 0xFF));
    }

    public static long i8x16ShrU(long a, int count) {
        int s = count & 7;
        return (a >>> s) & (0x0101_0101_0101_0101L * (0xFF >>> s));
    }

    public static long i8x16ShrS(long a, int count) {
        int s = count & 7;
        long r = 0;
        for (int i = 0; i < 64; i += 8) r |= (long) (((byte) (a >>> i) >> s) & 0xFF) << i;
        return r;
    }

    public static long i16x8Shl(long a, int count) {
        int s = count & 15;
        return (a << s) & (0x0001_0001_0001_0001L * ((0xFFFF << s) & 0xFFFF));
    }

    public static long i16x8ShrU(long a, int count) {
        int s = count & 15;
        return (a >>> s) & (0x0001_0001_0001_0001L * (0xFFFF >>> s));
    }

    public static long i16x8ShrS(long a, int count) {
        int s = count & 15;
        long r = 0;
        for (int i = 0; i < 64; i += 16) r |= (long) (((short) (a >>> i) >> s) & 0xFFFF) << i;
        return r;
    }

    public static long i32x4Shl(long a, int count) {
        int s = count & 31;
        return (a << s) & (0x0000_0001_0000_0001L * ((0xFFFF_FFFFL << s) & 0xFFFF_FFFFL));
    }

    public static long i32x4ShrU(long a, int count) {
        int s = count & 31;
        return (a >>> s) & (0x0000_0001_0000_0001L * (0xFFFF_FFFFL >>> s));
    }

    public static long i32x4ShrS(long a, int count) {
        return V128IntArith.pack32((int) a >> count, (int) (a >>> 32) >> count);
    }

    /**
     * Each i32 lane rotated right by {@code count} (modulo 32): what a shuffle that rotates the
     * bytes of every i32 lane computes, or an or of a shl and a shr_u whose counts sum to 32.
     */
    public static long i32x4Rotr(long a, int count) {
        int s = count & 31;
        if (s == 0) return a;
        return i32x4ShrU(a, s) | i32x4Shl(a, 32 - s);
    }

    /** A half is one i64 lane; Java already takes a long's shift count modulo 64. */
    public static long i64x2Shl(long a, int count) {
        return a << count;
    }

    public static long i64x2ShrU(long a, int count) {
        return a >>> count;
    }

    public static long i64x2ShrS(long a, int count) {
        return a >> count;
    }
}
