package dev.nebula.interpreter.internal;

import dev.nebula.runtime.ops.Numerics;

/**
 * Every numeric instruction of spec 4.4.1 as a function of slot values (see {@link Op} for the
 * slot conventions). The hot loop inlines the common ones; this is the out-of-line path for the
 * rest, and the one place where each operator's rule is written down with its section.
 */
final class NumericOps {

    private static final long MASK32 = 0xFFFF_FFFFL;

    private NumericOps() {
    }

    private static float f32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static long f32(float value) {
        return Float.floatToRawIntBits(value) & MASK32;
    }

    private static double f64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long f64(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static long bool(boolean b) {
        return b ? 1 : 0;
    }

    /** Test operators, unary operators and conversions (spec 4.3.2-4.3.4). */
    static long unary(int op, long a) {
        return switch (op) {
            case Op.I32_EQZ -> bool((int) a == 0);
            case Op.I64_EQZ -> bool(a == 0);
            case Op.I32_CLZ -> Integer.numberOfLeadingZeros((int) a);
            case Op.I32_CTZ -> Integer.numberOfTrailingZeros((int) a);
            case Op.I32_POPCNT -> Integer.bitCount((int) a);
            case Op.I64_CLZ -> Long.numberOfLeadingZeros(a);
            case Op.I64_CTZ -> Long.numberOfTrailingZeros(a);
            case Op.I64_POPCNT -> Long.bitCount(a);
            // abs, neg and copysign act on the sign bit alone, NaN payloads included (spec 4.3.3).
            case Op.F32_ABS -> Numerics.f32Abs((int) a) & MASK32;
            case Op.F32_NEG -> Numerics.f32Neg((int) a) & MASK32;
            case Op.F32_CEIL -> f32(Numerics.ceil(f32(a)));
            case Op.F32_FLOOR -> f32(Numerics.floor(f32(a)));
            case Op.F32_TRUNC -> f32(Numerics.trunc(f32(a)));
            case Op.F32_NEAREST -> f32(Numerics.nearest(f32(a)));
            case Op.F32_SQRT -> f32(Numerics.sqrt(f32(a)));
            case Op.F64_ABS -> Numerics.f64Abs(a);
            case Op.F64_NEG -> Numerics.f64Neg(a);
            case Op.F64_CEIL -> f64(Numerics.ceil(f64(a)));
            case Op.F64_FLOOR -> f64(Numerics.floor(f64(a)));
            case Op.F64_TRUNC -> f64(Numerics.trunc(f64(a)));
            case Op.F64_NEAREST -> f64(Numerics.nearest(f64(a)));
            case Op.F64_SQRT -> f64(Math.sqrt(f64(a)));
            case Op.I32_WRAP_I64 -> (int) a;
            case Op.I32_TRUNC_F32_S -> Numerics.i32TruncS(f32(a));
            case Op.I32_TRUNC_F32_U -> Numerics.i32TruncU(f32(a));
            case Op.I32_TRUNC_F64_S -> Numerics.i32TruncS(f64(a));
            case Op.I32_TRUNC_F64_U -> Numerics.i32TruncU(f64(a));
            case Op.I64_EXTEND_I32_S -> (int) a;
            case Op.I64_EXTEND_I32_U -> a & MASK32;
            case Op.I64_TRUNC_F32_S -> Numerics.i64TruncS(f32(a));
            case Op.I64_TRUNC_F32_U -> Numerics.i64TruncU(f32(a));
            case Op.I64_TRUNC_F64_S -> Numerics.i64TruncS(f64(a));
            case Op.I64_TRUNC_F64_U -> Numerics.i64TruncU(f64(a));
            case Op.F32_CONVERT_I32_S -> f32((float) (int) a);
            case Op.F32_CONVERT_I32_U -> f32((float) (a & MASK32));
            case Op.F32_CONVERT_I64_S -> f32((float) a);
            case Op.F32_CONVERT_I64_U -> f32(Numerics.f32ConvertU(a));
            case Op.F32_DEMOTE_F64 -> f32((float) f64(a));
            case Op.F64_CONVERT_I32_S -> f64((double) (int) a);
            case Op.F64_CONVERT_I32_U -> f64((double) (a & MASK32));
            case Op.F64_CONVERT_I64_S -> f64((double) a);
            case Op.F64_CONVERT_I64_U -> f64(Numerics.f64ConvertU(a));
            case Op.F64_PROMOTE_F32 -> f64((double) f32(a));
            // Reinterpretations keep the bits; only the slot convention changes.
            case Op.I32_REINTERPRET_F32 -> (int) a;
            case Op.I64_REINTERPRET_F64 -> a;
            case Op.F32_REINTERPRET_I32 -> a & MASK32;
            case Op.F64_REINTERPRET_I64 -> a;
            case Op.I32_EXTEND8_S -> (byte) a;
            case Op.I32_EXTEND16_S -> (short) a;
            case Op.I64_EXTEND8_S -> (byte) a;
            case Op.I64_EXTEND16_S -> (short) a;
            case Op.I64_EXTEND32_S -> (int) a;
            // Java's narrowing casts saturate and send NaN to 0: exactly trunc_sat_s (spec 4.3.4).
            case Op.I32_TRUNC_SAT_F32_S -> (int) f32(a);
            case Op.I32_TRUNC_SAT_F32_U -> Numerics.i32TruncSatU(f32(a));
            case Op.I32_TRUNC_SAT_F64_S -> (int) f64(a);
            case Op.I32_TRUNC_SAT_F64_U -> Numerics.i32TruncSatU(f64(a));
            case Op.I64_TRUNC_SAT_F32_S -> (long) f32(a);
            case Op.I64_TRUNC_SAT_F32_U -> Numerics.i64TruncSatU(f32(a));
            case Op.I64_TRUNC_SAT_F64_S -> (long) f64(a);
            case Op.I64_TRUNC_SAT_F64_U -> Numerics.i64TruncSatU(f64(a));
            default -> throw new IllegalStateException("not a unary numeric op: " + Op.name(op));
        };
    }

    /** Binary and comparison operators (spec 4.3.2-4.3.3). */
    static long binary(int op, long a, long b) {
        return switch (op) {
            case Op.I32_EQ -> bool((int) a == (int) b);
            case Op.I32_NE -> bool((int) a != (int) b);
            case Op.I32_LT_S -> bool((int) a < (int) b);
            case Op.I32_LT_U -> bool((a & MASK32) < (b & MASK32));
            case Op.I32_GT_S -> bool((int) a > (int) b);
            case Op.I32_GT_U -> bool((a & MASK32) > (b & MASK32));
            case Op.I32_LE_S -> bool((int) a <= (int) b);
            case Op.I32_LE_U -> bool((a & MASK32) <= (b & MASK32));
            case Op.I32_GE_S -> bool((int) a >= (int) b);
            case Op.I32_GE_U -> bool((a & MASK32) >= (b & MASK32));
            case Op.I64_EQ -> bool(a == b);
            case Op.I64_NE -> bool(a != b);
            case Op.I64_LT_S -> bool(a < b);
            case Op.I64_LT_U -> bool(Long.compareUnsigned(a, b) < 0);
            case Op.I64_GT_S -> bool(a > b);
            case Op.I64_GT_U -> bool(Long.compareUnsigned(a, b) > 0);
            case Op.I64_LE_S -> bool(a <= b);
            case Op.I64_LE_U -> bool(Long.compareUnsigned(a, b) <= 0);
            case Op.I64_GE_S -> bool(a >= b);
            case Op.I64_GE_U -> bool(Long.compareUnsigned(a, b) >= 0);
            // Float comparisons are false on NaN except ne (spec 4.3.3 feq..fge); Java agrees.
            case Op.F32_EQ -> bool(f32(a) == f32(b));
            case Op.F32_NE -> bool(f32(a) != f32(b));
            case Op.F32_LT -> bool(f32(a) < f32(b));
            case Op.F32_GT -> bool(f32(a) > f32(b));
            case Op.F32_LE -> bool(f32(a) <= f32(b));
            case Op.F32_GE -> bool(f32(a) >= f32(b));
            case Op.F64_EQ -> bool(f64(a) == f64(b));
            case Op.F64_NE -> bool(f64(a) != f64(b));
            case Op.F64_LT -> bool(f64(a) < f64(b));
            case Op.F64_GT -> bool(f64(a) > f64(b));
            case Op.F64_LE -> bool(f64(a) <= f64(b));
            case Op.F64_GE -> bool(f64(a) >= f64(b));
            case Op.I32_ADD -> (int) a + (int) b;
            case Op.I32_SUB -> (int) a - (int) b;
            case Op.I32_MUL -> (int) a * (int) b;
            case Op.I32_DIV_S -> Numerics.i32DivS((int) a, (int) b);
            case Op.I32_DIV_U -> Numerics.i32DivU((int) a, (int) b);
            case Op.I32_REM_S -> Numerics.i32RemS((int) a, (int) b);
            case Op.I32_REM_U -> Numerics.i32RemU((int) a, (int) b);
            case Op.I32_AND -> (int) a & (int) b;
            case Op.I32_OR -> (int) a | (int) b;
            case Op.I32_XOR -> (int) a ^ (int) b;
            // Shift and rotate counts are taken modulo the width (spec 4.3.2); Java masks them the same way.
            case Op.I32_SHL -> (int) a << (int) b;
            case Op.I32_SHR_S -> (int) a >> (int) b;
            case Op.I32_SHR_U -> (int) a >>> (int) b;
            case Op.I32_ROTL -> Integer.rotateLeft((int) a, (int) b);
            case Op.I32_ROTR -> Integer.rotateRight((int) a, (int) b);
            case Op.I64_ADD -> a + b;
            case Op.I64_SUB -> a - b;
            case Op.I64_MUL -> a * b;
            case Op.I64_DIV_S -> Numerics.i64DivS(a, b);
            case Op.I64_DIV_U -> Numerics.i64DivU(a, b);
            case Op.I64_REM_S -> Numerics.i64RemS(a, b);
            case Op.I64_REM_U -> Numerics.i64RemU(a, b);
            case Op.I64_AND -> a & b;
            case Op.I64_OR -> a | b;
            case Op.I64_XOR -> a ^ b;
            case Op.I64_SHL -> a << b;
            case Op.I64_SHR_S -> a >> b;
            case Op.I64_SHR_U -> a >>> b;
            case Op.I64_ROTL -> Long.rotateLeft(a, (int) b);
            case Op.I64_ROTR -> Long.rotateRight(a, (int) b);
            // Float arithmetic: Java's IEEE 754 binary32/binary64 operations with round-to-nearest,
            // as spec 4.3.3 asks; NaN operands give a NaN, which the spec lets be any arithmetic NaN.
            case Op.F32_ADD -> f32(f32(a) + f32(b));
            case Op.F32_SUB -> f32(f32(a) - f32(b));
            case Op.F32_MUL -> f32(f32(a) * f32(b));
            case Op.F32_DIV -> f32(f32(a) / f32(b));
            case Op.F32_MIN -> f32(Numerics.fmin(f32(a), f32(b)));
            case Op.F32_MAX -> f32(Numerics.fmax(f32(a), f32(b)));
            case Op.F32_COPYSIGN -> Numerics.f32CopySign((int) a, (int) b) & MASK32;
            case Op.F64_ADD -> f64(f64(a) + f64(b));
            case Op.F64_SUB -> f64(f64(a) - f64(b));
            case Op.F64_MUL -> f64(f64(a) * f64(b));
            case Op.F64_DIV -> f64(f64(a) / f64(b));
            case Op.F64_MIN -> f64(Numerics.fmin(f64(a), f64(b)));
            case Op.F64_MAX -> f64(Numerics.fmax(f64(a), f64(b)));
            case Op.F64_COPYSIGN -> Numerics.f64CopySign(a, b);
            default -> throw new IllegalStateException("not a binary numeric op: " + Op.name(op));
        };
    }
}
