package dev.nebula.runtime.ops;

/**
 * The numeric operators of spec 4.3 whose Java spelling is not a single operator: division with
 * its traps, float min/max/nearest/trunc, the checked and saturating float-to-integer truncations
 * and the unsigned integer-to-float conversions. f32 values travel as raw bits in engines, so the
 * f32 bit helpers take and return {@code int} bits. Both engines call these, so each rule lives once.
 */
public final class Numerics {

    private static final double TWO_POW_63 = 9223372036854775808.0;
    private static final double TWO_POW_64 = 18446744073709551616.0;

    private Numerics() {
    }

    // ---- integer division (spec 4.3.2 idiv_s, idiv_u, irem_s, irem_u) ----

    /** idiv_s: traps on a zero divisor, and on INT_MIN / -1 whose quotient 2^31 is not representable. */
    public static int i32DivS(int a, int b) {
        if (b == 0) throw Traps.divideByZero();
        if (b == -1 && a == Integer.MIN_VALUE) throw Traps.integerOverflow();
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) throw Traps.divideByZero();
        return Integer.divideUnsigned(a, b);
    }

    /** irem_s: INT_MIN rem -1 is 0 (Java agrees), only a zero divisor traps. */
    public static int i32RemS(int a, int b) {
        if (b == 0) throw Traps.divideByZero();
        return a % b;
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) throw Traps.divideByZero();
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) throw Traps.divideByZero();
        if (b == -1 && a == Long.MIN_VALUE) throw Traps.integerOverflow();
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) throw Traps.divideByZero();
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) throw Traps.divideByZero();
        return a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) throw Traps.divideByZero();
        return Long.remainderUnsigned(a, b);
    }

    // ---- float operators (spec 4.3.3) ----

    /**
     * fmin: NaN if either operand is NaN, and -0 below +0. Java's Math.min agrees on zeros but
     * returns a NaN operand unchanged, which may be a signalling NaN; the spec wants an arithmetic
     * (quiet) NaN, so NaNs go through an addition, which quiets them.
     */
    public static float fmin(float a, float b) {
        if (a != a || b != b) return a + b;
        return Math.min(a, b);
    }

    public static float fmax(float a, float b) {
        if (a != a || b != b) return a + b;
        return Math.max(a, b);
    }

    public static double fmin(double a, double b) {
        if (a != a || b != b) return a + b;
        return Math.min(a, b);
    }

    public static double fmax(double a, double b) {
        if (a != a || b != b) return a + b;
        return Math.max(a, b);
    }

    /**
     * fceil, ffloor, ftrunc and fnearest on f64. Math.ceil and Math.floor return a NaN operand
     * unchanged, signalling ones included, but the spec wants an arithmetic (quiet) NaN; adding
     * the NaN to itself quiets it and keeps its payload.
     */
    public static double ceil(double a) {
        return a != a ? a + a : Math.ceil(a);
    }

    public static double floor(double a) {
        return a != a ? a + a : Math.floor(a);
    }

    /** ftrunc: round toward zero, keeping the sign of zero (-0.5 → -0). */
    public static double trunc(double a) {
        if (a != a) return a + a;
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    /** fnearest: round half to even, which is Math.rint. */
    public static double nearest(double a) {
        return a != a ? a + a : Math.rint(a);
    }

    /**
     * f32 ceil/floor/trunc/nearest computed in double: every float is exactly a double, and the
     * integral result of rounding a float is again a float, so nothing is lost; a NaN comes back
     * quiet with its payload (an arithmetic NaN, as the spec allows).
     */
    public static float ceil(float a) {
        return (float) ceil((double) a);
    }

    public static float floor(float a) {
        return (float) floor((double) a);
    }

    public static float trunc(float a) {
        return (float) trunc((double) a);
    }

    /** fnearest: round half to even, which is Math.rint. */
    public static float nearest(float a) {
        return (float) nearest((double) a);
    }

    /** fsqrt of a float through double is correctly rounded: double has more than 2 × 24 + 2 bits. */
    public static float sqrt(float a) {
        return (float) Math.sqrt(a);
    }

    // ---- bit-level float operators: pure bit operations so that NaN payloads pass unchanged ----

    public static int f32Abs(int bits) {
        return bits & 0x7FFF_FFFF;
    }

    public static int f32Neg(int bits) {
        return bits ^ 0x8000_0000;
    }

    public static int f32CopySign(int a, int b) {
        return (a & 0x7FFF_FFFF) | (b & 0x8000_0000);
    }

    public static long f64Abs(long bits) {
        return bits & 0x7FFF_FFFF_FFFF_FFFFL;
    }

    public static long f64Neg(long bits) {
        return bits ^ 0x8000_0000_0000_0000L;
    }

    public static long f64CopySign(long a, long b) {
        return (a & 0x7FFF_FFFF_FFFF_FFFFL) | (b & 0x8000_0000_0000_0000L);
    }

    // ---- float to integer (spec 4.3.4 trunc_s, trunc_u): NaN and out-of-range operands trap ----

    /**
     * i32.trunc_f*_s: the truncated value must lie in [-2^31, 2^31 - 1], i.e. the operand in the
     * open interval (-2^31 - 1, 2^31). Every float and double converts exactly to double.
     */
    public static int i32TruncS(double a) {
        if (a != a) throw Traps.invalidConversion();
        if (!(a > -2147483649.0 && a < 2147483648.0)) throw Traps.integerOverflow();
        return (int) a;
    }

    public static int i32TruncU(double a) {
        if (a != a) throw Traps.invalidConversion();
        if (!(a > -1.0 && a < 4294967296.0)) throw Traps.integerOverflow();
        return (int) (long) a;
    }

    /** -2^63 is a double and the doubles just below it are more than 1 away, so >= is exact. */
    public static long i64TruncS(double a) {
        if (a != a) throw Traps.invalidConversion();
        if (!(a >= -TWO_POW_63 && a < TWO_POW_63)) throw Traps.integerOverflow();
        return (long) a;
    }

    public static long i64TruncU(double a) {
        if (a != a) throw Traps.invalidConversion();
        if (!(a > -1.0 && a < TWO_POW_64)) throw Traps.integerOverflow();
        return toUnsignedLong(a);
    }

    /** An in-range non-negative double below 2^64 as unsigned long bits. */
    private static long toUnsignedLong(double a) {
        if (a < TWO_POW_63) return (long) a;
        return (long) (a - TWO_POW_63) ^ Long.MIN_VALUE;
    }

    // ---- saturating truncation (spec 4.3.4 trunc_sat_s, trunc_sat_u) ----
    // Java's signed narrowing casts already saturate and map NaN to 0, exactly as trunc_sat_s.

    public static int i32TruncSatU(double a) {
        if (!(a > -1.0)) return 0; // NaN and everything that truncates below 0
        if (a >= 4294967296.0) return -1;
        return (int) (long) a;
    }

    public static long i64TruncSatU(double a) {
        if (!(a > -1.0)) return 0;
        if (a >= TWO_POW_64) return -1L;
        return toUnsignedLong(a);
    }

    // ---- unsigned integer to float (spec 4.3.4 convert_u) ----

    /**
     * f32.convert_i64_u: halve with the lost bit kept as a sticky bit (round to odd), convert, and
     * double; the one rounding happens in the conversion, so the result is correctly rounded.
     */
    public static float f32ConvertU(long a) {
        if (a >= 0) return (float) a;
        return (float) ((a >>> 1) | (a & 1)) * 2.0f;
    }

    public static double f64ConvertU(long a) {
        if (a >= 0) return (double) a;
        return (double) ((a >>> 1) | (a & 1)) * 2.0;
    }
}
