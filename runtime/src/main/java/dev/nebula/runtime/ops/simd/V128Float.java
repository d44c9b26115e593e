package dev.nebula.runtime.ops.simd;

import dev.nebula.runtime.ops.Numerics;

/**
 * Float lane arithmetic (spec 4.3.3 lifted to lanes by 4.4.3 {@code vfunop}, {@code vfbinop}):
 * one 64-bit half per call, two f32 lanes or one f64 lane. The scalar rules come from
 * {@link Numerics}, so NaN results are what the scalar instructions give: canonical from
 * canonical operands, arithmetic otherwise. {@code abs}, {@code neg}, {@code pmin} and
 * {@code pmax} move bits and never change a NaN.
 */
public final class V128Float {

    /** Binary operator kinds, in Wasm opcode order (f32x4.add .. f32x4.pmax). */
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;
    public static final int DIV = 3;
    public static final int MIN = 4;
    public static final int MAX = 5;
    public static final int PMIN = 6;
    public static final int PMAX = 7;

    /** Unary operator kinds. */
    public static final int ABS = 0;
    public static final int NEG = 1;
    public static final int SQRT = 2;
    public static final int CEIL = 3;
    public static final int FLOOR = 4;
    public static final int TRUNC = 5;
    public static final int NEAREST = 6;

    private V128Float() {
    }

    public static long f32x4Binary(int kind, long a, long b) {
        return pack(f32Binary(kind, (int) a, (int) b), f32Binary(kind, (int) (a >>> 32), (int) (b >>> 32)));
    }

    public static long f32x4Unary(int kind, long a) {
        return pack(f32Unary(kind, (int) a), f32Unary(kind, (int) (a >>> 32)));
    }

    public static long f64x2Binary(int kind, long a, long b) {
        return f64Binary(kind, a, b);
    }

    public static long f64x2Unary(int kind, long a) {
        return f64Unary(kind, a);
    }

    public static long f32x4Add(long a, long b) {
        return pack(bits(f((int) a) + f((int) b)), bits(f((int) (a >>> 32)) + f((int) (b >>> 32))));
    }

    public static long f32x4Mul(long a, long b) {
        return pack(bits(f((int) a) * f((int) b)), bits(f((int) (a >>> 32)) * f((int) (b >>> 32))));
    }

    public static long f64x2Add(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) + Double.longBitsToDouble(b));
    }

    public static long f64x2Mul(long a, long b) {
        return Double.doubleToRawLongBits(Double.longBitsToDouble(a) * Double.longBitsToDouble(b));
    }

    /** One f32 lane of a binary operator; {@code a} and {@code b} are raw bits. */
    public static int f32Binary(int kind, int a, int b) {
        float x = f(a);
        float y = f(b);
        return switch (kind) {
            case ADD -> bits(x + y);
            case SUB -> bits(x - y);
            case MUL -> bits(x * y);
            case DIV -> bits(x / y);
            case MIN -> bits(Numerics.fmin(x, y));
            case MAX -> bits(Numerics.fmax(x, y));
            // pmin(a, b) = b < a ? b : a and pmax(a, b) = a < b ? b : a: the operand itself, NaN bits included.
            case PMIN -> y < x ? b : a;
            case PMAX -> x < y ? b : a;
            default -> throw new IllegalArgumentException("no float operator " + kind);
        };
    }

    public static int f32Unary(int kind, int a) {
        return switch (kind) {
            case ABS -> Numerics.f32Abs(a);
            case NEG -> Numerics.f32Neg(a);
            case SQRT -> bits(Numerics.sqrt(f(a)));
            case CEIL -> bits(Numerics.ceil(f(a)));
            case FLOOR -> bits(Numerics.floor(f(a)));
            case TRUNC -> bits(Numerics.trunc(f(a)));
            case NEAREST -> bits(Numerics.nearest(f(a)));
            default -> throw new IllegalArgumentException("no float operator " + kind);
        };
    }

    public static long f64Binary(int kind, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        return switch (kind) {
            case ADD -> Double.doubleToRawLongBits(x + y);
            case SUB -> Double.doubleToRawLongBits(x - y);
            case MUL -> Double.doubleToRawLongBits(x * y);
            case DIV -> Double.doubleToRawLongBits(x / y);
            case MIN -> Double.doubleToRawLongBits(Numerics.fmin(x, y));
            case MAX -> Double.doubleToRawLongBits(Numerics.fmax(x, y));
            case PMIN -> y < x ? b : a;
            case PMAX -> x < y ? b : a;
            default -> throw new IllegalArgumentException("no float operator " + kind);
        };
    }

    public static long f64Unary(int kind, long a) {
        double x = Double.longBitsToDouble(a);
        return switch (kind) {
            case ABS -> Numerics.f64Abs(a);
            case NEG -> Numerics.f64Neg(a);
            case SQRT -> Double.doubleToRawLongBits(Math.sqrt(x));
            case CEIL -> Double.doubleToRawLongBits(Numerics.ceil(x));
            case FLOOR -> Double.doubleToRawLongBits(Numerics.floor(x));
            case TRUNC -> Double.doubleToRawLongBits(Numerics.trunc(x));
            case NEAREST -> Double.doubleToRawLongBits(Numerics.nearest(x));
            default -> throw new IllegalArgumentException("no float operator " + kind);
        };
    }

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static int bits(float x) {
        return Float.floatToRawIntBits(x);
    }

    private static long pack(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }
}
