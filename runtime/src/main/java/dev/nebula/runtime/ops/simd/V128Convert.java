package dev.nebula.runtime.ops.simd;

import dev.nebula.runtime.ops.Numerics;

import static dev.nebula.runtime.ops.simd.V128IntArith.pack32;

/**
 * Lane shape changes (spec 4.4.3 {@code vcvtop}, {@code narrow}, {@code extend}, {@code extmul}):
 * widening operators take the 32 source bits of one result half as an {@code int} (see the
 * package comment); narrowing ones take a whole v128 and give one half; same-width conversions
 * work on one half.
 */
public final class V128Convert {

    private V128Convert() {
    }

    // ---------------------------------------------------------------- widening: 32 source bits -> one half

    /** Four i8 lanes sign-extended to four i16 lanes (extend, load8x8_s). */
    public static long i16x8ExtendS(int four) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= (long) (((byte) (four >>> 8 * i)) & 0xFFFF) << 16 * i;
        return r;
    }

    public static long i16x8ExtendU(int four) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= (long) ((four >>> 8 * i) & 0xFF) << 16 * i;
        return r;
    }

    public static long i32x4ExtendS(int two) {
        return pack32((short) two, (short) (two >>> 16));
    }

    public static long i32x4ExtendU(int two) {
        return pack32(two & 0xFFFF, two >>> 16);
    }

    public static long i64x2ExtendS(int one) {
        return one;
    }

    public static long i64x2ExtendU(int one) {
        return one & 0xFFFF_FFFFL;
    }

    /** Four i8 lanes of each operand multiplied into four i16 lanes, signed (extmul). */
    public static long i16x8ExtmulS(int a, int b) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= (long) (((byte) (a >>> 8 * i) * (byte) (b >>> 8 * i)) & 0xFFFF) << 16 * i;
        return r;
    }

    public static long i16x8ExtmulU(int a, int b) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= (long) (((a >>> 8 * i) & 0xFF) * ((b >>> 8 * i) & 0xFF)) << 16 * i;
        return r;
    }

    public static long i32x4ExtmulS(int a, int b) {
        return pack32((short) a * (short) b, (short) (a >>> 16) * (short) (b >>> 16));
    }

    public static long i32x4ExtmulU(int a, int b) {
        return pack32((a & 0xFFFF) * (b & 0xFFFF), (a >>> 16) * (b >>> 16));
    }

    public static long i64x2ExtmulS(int a, int b) {
        return (long) a * b;
    }

    public static long i64x2ExtmulU(int a, int b) {
        return (a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL);
    }

    /** f64x2.convert_low_i32x4_s, one lane. */
    public static long f64x2ConvertS(int lane) {
        return Double.doubleToRawLongBits(lane);
    }

    public static long f64x2ConvertU(int lane) {
        return Double.doubleToRawLongBits(lane & 0xFFFF_FFFFL);
    }

    /** f64x2.promote_low_f32x4, one lane: exact, and a NaN stays a NaN (quieted: arithmetic). */
    public static long f64x2Promote(int lane) {
        return Double.doubleToRawLongBits(Float.intBitsToFloat(lane));
    }

    // ---------------------------------------------------------------- narrowing: a v128 -> one half

    /** i8x16.narrow_i16x8_s: the eight i16 lanes of (lo, hi), each saturated to i8. */
    public static long i8x16NarrowS(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (long) (Math.max(-128, Math.min(127, (short) (lo >>> 16 * i))) & 0xFF) << 8 * i;
            r |= (long) (Math.max(-128, Math.min(127, (short) (hi >>> 16 * i))) & 0xFF) << 8 * (i + 4);
        }
        return r;
    }

    /** i8x16.narrow_i16x8_u: signed i16 lanes saturated to [0, 255]. */
    public static long i8x16NarrowU(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (long) Math.max(0, Math.min(255, (short) (lo >>> 16 * i))) << 8 * i;
            r |= (long) Math.max(0, Math.min(255, (short) (hi >>> 16 * i))) << 8 * (i + 4);
        }
        return r;
    }

    public static long i16x8NarrowS(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            r |= (long) (Math.max(-32768, Math.min(32767, (int) (lo >>> 32 * i))) & 0xFFFF) << 16 * i;
            r |= (long) (Math.max(-32768, Math.min(32767, (int) (hi >>> 32 * i))) & 0xFFFF) << 16 * (i + 2);
        }
        return r;
    }

    public static long i16x8NarrowU(long lo, long hi) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            r |= (long) Math.max(0, Math.min(65535, (int) (lo >>> 32 * i))) << 16 * i;
            r |= (long) Math.max(0, Math.min(65535, (int) (hi >>> 32 * i))) << 16 * (i + 2);
        }
        return r;
    }

    /** f32x4.demote_f64x2_zero: the low half of the result (the high half is zero). */
    public static long f32x4DemoteZero(long lo, long hi) {
        return pack32(Float.floatToRawIntBits((float) Double.longBitsToDouble(lo)),
                Float.floatToRawIntBits((float) Double.longBitsToDouble(hi)));
    }

    /** i32x4.trunc_sat_f64x2_s_zero: the low half of the result (the high half is zero). */
    public static long i32x4TruncSatF64x2SZero(long lo, long hi) {
        return pack32((int) Double.longBitsToDouble(lo), (int) Double.longBitsToDouble(hi));
    }

    public static long i32x4TruncSatF64x2UZero(long lo, long hi) {
        return pack32(Numerics.i32TruncSatU(Double.longBitsToDouble(lo)), Numerics.i32TruncSatU(Double.longBitsToDouble(hi)));
    }

    // ---------------------------------------------------------------- same width: one half

    /** i32x4.trunc_sat_f32x4_s: Java's float-to-int cast saturates and maps NaN to 0, as trunc_sat_s. */
    public static long i32x4TruncSatF32x4S(long a) {
        return pack32((int) Float.intBitsToFloat((int) a), (int) Float.intBitsToFloat((int) (a >>> 32)));
    }

    public static long i32x4TruncSatF32x4U(long a) {
        return pack32(Numerics.i32TruncSatU(Float.intBitsToFloat((int) a)), Numerics.i32TruncSatU(Float.intBitsToFloat((int) (a >>> 32))));
    }

    public static long f32x4ConvertI32x4S(long a) {
        return pack32(Float.floatToRawIntBits((float) (int) a), Float.floatToRawIntBits((float) (int) (a >>> 32)));
    }

    /** Unsigned i32 to f32 through long, whose conversion rounds once, correctly. */
    public static long f32x4ConvertI32x4U(long a) {
        return pack32(Float.floatToRawIntBits((float) (a & 0xFFFF_FFFFL)), Float.floatToRawIntBits((float) (a >>> 32)));
    }
}
