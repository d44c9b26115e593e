package dev.nebula.runtime.ops.simd;

import static dev.nebula.runtime.ops.simd.Swar.H16;
import static dev.nebula.runtime.ops.simd.Swar.H32;
import static dev.nebula.runtime.ops.simd.Swar.H8;

/**
 * Integer lane arithmetic (spec 4.3.2 lifted to lanes by 4.4.3 {@code viunop}, {@code vibinop},
 * {@code vsatbinop}, {@code vextunop}, {@code vextbinop}): each method takes and returns one 64-bit
 * half (see the package comment), so an engine calls it once for the low and once for the high half.
 * Wrapping operators are carry-free long arithmetic; the others go lane by lane.
 */
public final class V128IntArith {

    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long LOW15 = 0x7FFF_7FFF_7FFF_7FFFL;

    private V128IntArith() {
    }

    // ---------------------------------------------------------------- i8x16

    public static long i8x16Add(long a, long b) {
        return Swar.add(a, b, H8);
    }

    public static long i8x16Sub(long a, long b) {
        return Swar.sub(a, b, H8);
    }

    public static long i8x16Neg(long a) {
        return Swar.sub(0, a, H8);
    }

    /** iabs: -128 stays -128 (its absolute value wraps). */
    public static long i8x16Abs(long a) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) (Math.abs((byte) (a >>> s)) & 0xFF) << s;
        return r;
    }

    /** ipopcnt per byte: the classic bit-count steps, which never carry out of a byte. */
    public static long i8x16Popcnt(long a) {
        long x = a - ((a >>> 1) & 0x5555_5555_5555_5555L);
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        return (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    public static long i8x16AddSatS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) (satS8((byte) (a >>> s) + (byte) (b >>> s)) & 0xFF) << s;
        return r;
    }

    public static long i8x16AddSatU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) Math.min(((int) (a >>> s) & 0xFF) + ((int) (b >>> s) & 0xFF), 0xFF) << s;
        return r;
    }

    public static long i8x16SubSatS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) (satS8((byte) (a >>> s) - (byte) (b >>> s)) & 0xFF) << s;
        return r;
    }

    public static long i8x16SubSatU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) Math.max(((int) (a >>> s) & 0xFF) - ((int) (b >>> s) & 0xFF), 0) << s;
        return r;
    }

    public static long i8x16MinS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) (Math.min((byte) (a >>> s), (byte) (b >>> s)) & 0xFF) << s;
        return r;
    }

    public static long i8x16MinU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) Math.min((int) (a >>> s) & 0xFF, (int) (b >>> s) & 0xFF) << s;
        return r;
    }

    public static long i8x16MaxS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) (Math.max((byte) (a >>> s), (byte) (b >>> s)) & 0xFF) << s;
        return r;
    }

    public static long i8x16MaxU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 8) r |= (long) Math.max((int) (a >>> s) & 0xFF, (int) (b >>> s) & 0xFF) << s;
        return r;
    }

    /** iavgr_u: (a + b + 1) / 2 unsigned, as (a | b) - ((a ^ b) >> 1), which never borrows across lanes. */
    public static long i8x16AvgrU(long a, long b) {
        return (a | b) - (((a ^ b) >>> 1) & LOW7);
    }

    // ---------------------------------------------------------------- i16x8

    public static long i16x8Add(long a, long b) {
        return Swar.add(a, b, H16);
    }

    public static long i16x8Sub(long a, long b) {
        return Swar.sub(a, b, H16);
    }

    public static long i16x8Neg(long a) {
        return Swar.sub(0, a, H16);
    }

    public static long i16x8Abs(long a) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (Math.abs((short) (a >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8Mul(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (((int) (a >>> s) * (int) (b >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8AddSatS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (satS16((short) (a >>> s) + (short) (b >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8AddSatU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) Math.min(((int) (a >>> s) & 0xFFFF) + ((int) (b >>> s) & 0xFFFF), 0xFFFF) << s;
        return r;
    }

    public static long i16x8SubSatS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (satS16((short) (a >>> s) - (short) (b >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8SubSatU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) Math.max(((int) (a >>> s) & 0xFFFF) - ((int) (b >>> s) & 0xFFFF), 0) << s;
        return r;
    }

    public static long i16x8MinS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (Math.min((short) (a >>> s), (short) (b >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8MinU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) Math.min((int) (a >>> s) & 0xFFFF, (int) (b >>> s) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8MaxS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (Math.max((short) (a >>> s), (short) (b >>> s)) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8MaxU(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) Math.max((int) (a >>> s) & 0xFFFF, (int) (b >>> s) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8AvgrU(long a, long b) {
        return (a | b) - (((a ^ b) >>> 1) & LOW15);
    }

    /** iq15mulr_sat_s: (a * b + 2^14) >> 15, saturated; only -32768 * -32768 overflows. */
    public static long i16x8Q15mulrSatS(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) {
            int p = ((short) (a >>> s) * (short) (b >>> s) + 0x4000) >> 15;
            r |= (long) (satS16(p) & 0xFFFF) << s;
        }
        return r;
    }

    /** i16x8.extadd_pairwise_i8x16_s: lane i is the sum of byte lanes 2i and 2i+1, sign-extended. */
    public static long i16x8ExtaddPairwiseS(long a) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (((byte) (a >>> s) + (byte) (a >>> (s + 8))) & 0xFFFF) << s;
        return r;
    }

    public static long i16x8ExtaddPairwiseU(long a) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) r |= (long) (((int) (a >>> s) & 0xFF) + ((int) (a >>> (s + 8)) & 0xFF)) << s;
        return r;
    }

    // ---------------------------------------------------------------- i32x4

    public static long i32x4Add(long a, long b) {
        return Swar.add(a, b, H32);
    }

    public static long i32x4Sub(long a, long b) {
        return Swar.sub(a, b, H32);
    }

    public static long i32x4Neg(long a) {
        return Swar.sub(0, a, H32);
    }

    public static long i32x4Abs(long a) {
        return pack32(Math.abs((int) a), Math.abs((int) (a >>> 32)));
    }

    public static long i32x4Mul(long a, long b) {
        return pack32((int) a * (int) b, (int) (a >>> 32) * (int) (b >>> 32));
    }

    public static long i32x4MinS(long a, long b) {
        return pack32(Math.min((int) a, (int) b), Math.min((int) (a >>> 32), (int) (b >>> 32)));
    }

    public static long i32x4MinU(long a, long b) {
        return pack32(minU((int) a, (int) b), minU((int) (a >>> 32), (int) (b >>> 32)));
    }

    public static long i32x4MaxS(long a, long b) {
        return pack32(Math.max((int) a, (int) b), Math.max((int) (a >>> 32), (int) (b >>> 32)));
    }

    public static long i32x4MaxU(long a, long b) {
        return pack32(maxU((int) a, (int) b), maxU((int) (a >>> 32), (int) (b >>> 32)));
    }

    /**
     * i32x4.dot_i16x8_s: lane i is a[2i]*b[2i] + a[2i+1]*b[2i+1], wrapping (only
     * -32768 * -32768 twice overflows, to -2^31, which is what the spec's modular sum gives).
     */
    public static long i32x4DotI16x8S(long a, long b) {
        int lo = (short) a * (short) b + (short) (a >>> 16) * (short) (b >>> 16);
        int hi = (short) (a >>> 32) * (short) (b >>> 32) + (short) (a >>> 48) * (short) (b >>> 48);
        return pack32(lo, hi);
    }

    public static long i32x4ExtaddPairwiseS(long a) {
        return pack32((short) a + (short) (a >>> 16), (short) (a >>> 32) + (short) (a >>> 48));
    }

    public static long i32x4ExtaddPairwiseU(long a) {
        return pack32(((int) a & 0xFFFF) + ((int) (a >>> 16) & 0xFFFF), ((int) (a >>> 32) & 0xFFFF) + ((int) (a >>> 48) & 0xFFFF));
    }

    // ---------------------------------------------------------------- i64x2: a half is one lane

    public static long i64x2Add(long a, long b) {
        return a + b;
    }

    public static long i64x2Sub(long a, long b) {
        return a - b;
    }

    public static long i64x2Mul(long a, long b) {
        return a * b;
    }

    public static long i64x2Neg(long a) {
        return -a;
    }

    public static long i64x2Abs(long a) {
        return Math.abs(a);
    }

    // ---------------------------------------------------------------- helpers

    static long pack32(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    private static int minU(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static int maxU(int a, int b) {
        return Integer.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** sat_s for 8 bits (spec 4.3.2). */
    private static int satS8(int v) {
        return v < -128 ? -128 : Math.min(v, 127);
    }

    private static int satS16(int v) {
        return v < -32768 ? -32768 : Math.min(v, 32767);
    }
}
