package dev.nebula.interpreter.internal;

import dev.nebula.decoder.Opcode;
import dev.nebula.runtime.ops.simd.V128Bitwise;
import dev.nebula.runtime.ops.simd.V128Compare;
import dev.nebula.runtime.ops.simd.V128Convert;
import dev.nebula.runtime.ops.simd.V128Float;
import dev.nebula.runtime.ops.simd.V128IntArith;
import dev.nebula.runtime.ops.simd.V128Lanes;
import dev.nebula.runtime.ops.simd.V128Shifts;

/**
 * Maps each SIMD instruction (by its 0xFD opcode) to its operator in the shared library
 * {@code dev.nebula.runtime.ops.simd}, one method per {@link SimdShape}. Lane-wise operators are
 * called once per half by {@link SimdInterpreter}.
 */
final class SimdOps {

    private static final Opcode[] FD = new Opcode[256];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == Opcode.PREFIX_FD) FD[op.code()] = op;
        }
    }

    private SimdOps() {
    }

    /** Lane-wise unary operators on one half. */
    static long unary(int fd, long x) {
        return switch (FD[fd]) {
            case V128_NOT -> V128Bitwise.not(x);
            case I8X16_ABS -> V128IntArith.i8x16Abs(x);
            case I8X16_NEG -> V128IntArith.i8x16Neg(x);
            case I8X16_POPCNT -> V128IntArith.i8x16Popcnt(x);
            case I16X8_ABS -> V128IntArith.i16x8Abs(x);
            case I16X8_NEG -> V128IntArith.i16x8Neg(x);
            case I32X4_ABS -> V128IntArith.i32x4Abs(x);
            case I32X4_NEG -> V128IntArith.i32x4Neg(x);
            case I64X2_ABS -> V128IntArith.i64x2Abs(x);
            case I64X2_NEG -> V128IntArith.i64x2Neg(x);
            case I16X8_EXTADD_PAIRWISE_I8X16_S -> V128IntArith.i16x8ExtaddPairwiseS(x);
            case I16X8_EXTADD_PAIRWISE_I8X16_U -> V128IntArith.i16x8ExtaddPairwiseU(x);
            case I32X4_EXTADD_PAIRWISE_I16X8_S -> V128IntArith.i32x4ExtaddPairwiseS(x);
            case I32X4_EXTADD_PAIRWISE_I16X8_U -> V128IntArith.i32x4ExtaddPairwiseU(x);
            case F32X4_ABS -> V128Float.f32x4Unary(V128Float.ABS, x);
            case F32X4_NEG -> V128Float.f32x4Unary(V128Float.NEG, x);
            case F32X4_SQRT -> V128Float.f32x4Unary(V128Float.SQRT, x);
            case F32X4_CEIL -> V128Float.f32x4Unary(V128Float.CEIL, x);
            case F32X4_FLOOR -> V128Float.f32x4Unary(V128Float.FLOOR, x);
            case F32X4_TRUNC -> V128Float.f32x4Unary(V128Float.TRUNC, x);
            case F32X4_NEAREST -> V128Float.f32x4Unary(V128Float.NEAREST, x);
            case F64X2_ABS -> V128Float.f64x2Unary(V128Float.ABS, x);
            case F64X2_NEG -> V128Float.f64x2Unary(V128Float.NEG, x);
            case F64X2_SQRT -> V128Float.f64x2Unary(V128Float.SQRT, x);
            case F64X2_CEIL -> V128Float.f64x2Unary(V128Float.CEIL, x);
            case F64X2_FLOOR -> V128Float.f64x2Unary(V128Float.FLOOR, x);
            case F64X2_TRUNC -> V128Float.f64x2Unary(V128Float.TRUNC, x);
            case F64X2_NEAREST -> V128Float.f64x2Unary(V128Float.NEAREST, x);
            case I32X4_TRUNC_SAT_F32X4_S -> V128Convert.i32x4TruncSatF32x4S(x);
            case I32X4_TRUNC_SAT_F32X4_U -> V128Convert.i32x4TruncSatF32x4U(x);
            case F32X4_CONVERT_I32X4_S -> V128Convert.f32x4ConvertI32x4S(x);
            case F32X4_CONVERT_I32X4_U -> V128Convert.f32x4ConvertI32x4U(x);
            default -> throw new IllegalStateException("not a lane-wise unary operator: " + FD[fd]);
        };
    }

    /** Lane-wise binary operators on one half. */
    static long binary(int fd, long x, long y) {
        Opcode op = FD[fd];
        int c = op.code();
        if (c >= 35 && c <= 44) return V128Compare.i8x16(c - 35, x, y);
        if (c >= 45 && c <= 54) return V128Compare.i16x8(c - 45, x, y);
        if (c >= 55 && c <= 64) return V128Compare.i32x4(c - 55, x, y);
        if (c >= 65 && c <= 70) return V128Compare.f32x4(c - 65, x, y);
        if (c >= 71 && c <= 76) return V128Compare.f64x2(c - 71, x, y);
        if (c >= 228 && c <= 235) return V128Float.f32x4Binary(c - 228, x, y);
        if (c >= 240 && c <= 247) return V128Float.f64x2Binary(c - 240, x, y);
        return switch (op) {
            case V128_AND -> V128Bitwise.and(x, y);
            case V128_ANDNOT -> V128Bitwise.andNot(x, y);
            case V128_OR -> V128Bitwise.or(x, y);
            case V128_XOR -> V128Bitwise.xor(x, y);
            case I8X16_ADD -> V128IntArith.i8x16Add(x, y);
            case I8X16_ADD_SAT_S -> V128IntArith.i8x16AddSatS(x, y);
            case I8X16_ADD_SAT_U -> V128IntArith.i8x16AddSatU(x, y);
            case I8X16_SUB -> V128IntArith.i8x16Sub(x, y);
            case I8X16_SUB_SAT_S -> V128IntArith.i8x16SubSatS(x, y);
            case I8X16_SUB_SAT_U -> V128IntArith.i8x16SubSatU(x, y);
            case I8X16_MIN_S -> V128IntArith.i8x16MinS(x, y);
            case I8X16_MIN_U -> V128IntArith.i8x16MinU(x, y);
            case I8X16_MAX_S -> V128IntArith.i8x16MaxS(x, y);
            case I8X16_MAX_U -> V128IntArith.i8x16MaxU(x, y);
            case I8X16_AVGR_U -> V128IntArith.i8x16AvgrU(x, y);
            case I16X8_ADD -> V128IntArith.i16x8Add(x, y);
            case I16X8_ADD_SAT_S -> V128IntArith.i16x8AddSatS(x, y);
            case I16X8_ADD_SAT_U -> V128IntArith.i16x8AddSatU(x, y);
            case I16X8_SUB -> V128IntArith.i16x8Sub(x, y);
            case I16X8_SUB_SAT_S -> V128IntArith.i16x8SubSatS(x, y);
            case I16X8_SUB_SAT_U -> V128IntArith.i16x8SubSatU(x, y);
            case I16X8_MUL -> V128IntArith.i16x8Mul(x, y);
            case I16X8_MIN_S -> V128IntArith.i16x8MinS(x, y);
            case I16X8_MIN_U -> V128IntArith.i16x8MinU(x, y);
            case I16X8_MAX_S -> V128IntArith.i16x8MaxS(x, y);
            case I16X8_MAX_U -> V128IntArith.i16x8MaxU(x, y);
            case I16X8_AVGR_U -> V128IntArith.i16x8AvgrU(x, y);
            case I16X8_Q15MULR_SAT_S -> V128IntArith.i16x8Q15mulrSatS(x, y);
            case I32X4_ADD -> V128IntArith.i32x4Add(x, y);
            case I32X4_SUB -> V128IntArith.i32x4Sub(x, y);
            case I32X4_MUL -> V128IntArith.i32x4Mul(x, y);
            case I32X4_MIN_S -> V128IntArith.i32x4MinS(x, y);
            case I32X4_MIN_U -> V128IntArith.i32x4MinU(x, y);
            case I32X4_MAX_S -> V128IntArith.i32x4MaxS(x, y);
            case I32X4_MAX_U -> V128IntArith.i32x4MaxU(x, y);
            case I32X4_DOT_I16X8_S -> V128IntArith.i32x4DotI16x8S(x, y);
            case I64X2_ADD -> V128IntArith.i64x2Add(x, y);
            case I64X2_SUB -> V128IntArith.i64x2Sub(x, y);
            case I64X2_MUL -> V128IntArith.i64x2Mul(x, y);
            case I64X2_EQ -> V128Compare.i64x2(V128Compare.EQ, x, y);
            case I64X2_NE -> V128Compare.i64x2(V128Compare.NE, x, y);
            case I64X2_LT_S -> V128Compare.i64x2(V128Compare.LT_S, x, y);
            case I64X2_GT_S -> V128Compare.i64x2(V128Compare.GT_S, x, y);
            case I64X2_LE_S -> V128Compare.i64x2(V128Compare.LE_S, x, y);
            case I64X2_GE_S -> V128Compare.i64x2(V128Compare.GE_S, x, y);
            default -> throw new IllegalStateException("not a lane-wise binary operator: " + op);
        };
    }

    static long shift(int fd, long x, int count) {
        return switch (FD[fd]) {
            case I8X16_SHL -> V128Shifts.i8x16Shl(x, count);
            case I8X16_SHR_S -> V128Shifts.i8x16ShrS(x, count);
            case I8X16_SHR_U -> V128Shifts.i8x16ShrU(x, count);
            case I16X8_SHL -> V128Shifts.i16x8Shl(x, count);
            case I16X8_SHR_S -> V128Shifts.i16x8ShrS(x, count);
            case I16X8_SHR_U -> V128Shifts.i16x8ShrU(x, count);
            case I32X4_SHL -> V128Shifts.i32x4Shl(x, count);
            case I32X4_SHR_S -> V128Shifts.i32x4ShrS(x, count);
            case I32X4_SHR_U -> V128Shifts.i32x4ShrU(x, count);
            case I64X2_SHL -> V128Shifts.i64x2Shl(x, count);
            case I64X2_SHR_S -> V128Shifts.i64x2ShrS(x, count);
            case I64X2_SHR_U -> V128Shifts.i64x2ShrU(x, count);
            default -> throw new IllegalStateException("not a shift: " + FD[fd]);
        };
    }

    /** any_true, all_true and bitmask: an i32. */
    static int test(int fd, long lo, long hi) {
        return switch (FD[fd]) {
            case V128_ANY_TRUE -> V128Bitwise.anyTrue(lo, hi);
            case I8X16_ALL_TRUE -> V128Lanes.i8x16AllTrue(lo, hi);
            case I16X8_ALL_TRUE -> V128Lanes.i16x8AllTrue(lo, hi);
            case I32X4_ALL_TRUE -> V128Lanes.i32x4AllTrue(lo, hi);
            case I64X2_ALL_TRUE -> V128Lanes.i64x2AllTrue(lo, hi);
            case I8X16_BITMASK -> V128Lanes.i8x16Bitmask(lo, hi);
            case I16X8_BITMASK -> V128Lanes.i16x8Bitmask(lo, hi);
            case I32X4_BITMASK -> V128Lanes.i32x4Bitmask(lo, hi);
            case I64X2_BITMASK -> V128Lanes.i64x2Bitmask(lo, hi);
            default -> throw new IllegalStateException("not a vector test: " + FD[fd]);
        };
    }

    /** The half that both halves of a splat get, from a scalar in slot form. */
    static long splat(int fd, long scalar) {
        return switch (FD[fd]) {
            case I8X16_SPLAT -> V128Lanes.i8x16Splat((int) scalar);
            case I16X8_SPLAT -> V128Lanes.i16x8Splat((int) scalar);
            case I32X4_SPLAT, F32X4_SPLAT -> V128Lanes.i32x4Splat((int) scalar);
            case I64X2_SPLAT, F64X2_SPLAT -> scalar;
            default -> throw new IllegalStateException("not a splat: " + FD[fd]);
        };
    }

    /** extract_lane, as a slot value: i32 sign-extended, f32 bits zero-extended, i64 and f64 bits. */
    static long extract(int fd, long lo, long hi, int lane) {
        return switch (FD[fd]) {
            case I8X16_EXTRACT_LANE_S -> V128Lanes.i8x16ExtractLaneS(lo, hi, lane);
            case I8X16_EXTRACT_LANE_U -> V128Lanes.i8x16ExtractLaneU(lo, hi, lane);
            case I16X8_EXTRACT_LANE_S -> V128Lanes.i16x8ExtractLaneS(lo, hi, lane);
            case I16X8_EXTRACT_LANE_U -> V128Lanes.i16x8ExtractLaneU(lo, hi, lane);
            case I32X4_EXTRACT_LANE -> V128Lanes.i32x4ExtractLane(lo, hi, lane);
            case F32X4_EXTRACT_LANE -> V128Lanes.i32x4ExtractLane(lo, hi, lane) & 0xFFFF_FFFFL;
            case I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE -> V128Lanes.i64x2ExtractLane(lo, hi, lane);
            default -> throw new IllegalStateException("not an extract_lane: " + FD[fd]);
        };
    }

    static long replaceLo(int fd, long lo, int lane, long x) {
        return switch (FD[fd]) {
            case I8X16_REPLACE_LANE -> V128Lanes.i8x16ReplaceLaneLo(lo, lane, (int) x);
            case I16X8_REPLACE_LANE -> V128Lanes.i16x8ReplaceLaneLo(lo, lane, (int) x);
            case I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> V128Lanes.i32x4ReplaceLaneLo(lo, lane, (int) x);
            case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> lane == 0 ? x : lo;
            default -> throw new IllegalStateException("not a replace_lane: " + FD[fd]);
        };
    }

    static long replaceHi(int fd, long hi, int lane, long x) {
        return switch (FD[fd]) {
            case I8X16_REPLACE_LANE -> V128Lanes.i8x16ReplaceLaneHi(hi, lane, (int) x);
            case I16X8_REPLACE_LANE -> V128Lanes.i16x8ReplaceLaneHi(hi, lane, (int) x);
            case I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> V128Lanes.i32x4ReplaceLaneHi(hi, lane, (int) x);
            case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> lane == 1 ? x : hi;
            default -> throw new IllegalStateException("not a replace_lane: " + FD[fd]);
        };
    }

    /** The low half of an operator whose lanes cross halves (b is 0 for unary ones). */
    static long wholeLo(int fd, long aLo, long aHi, long bLo, long bHi) {
        return switch (FD[fd]) {
            case I8X16_SWIZZLE -> V128Lanes.i8x16Swizzle(aLo, aHi, bLo);
            case I8X16_NARROW_I16X8_S -> V128Convert.i8x16NarrowS(aLo, aHi);
            case I8X16_NARROW_I16X8_U -> V128Convert.i8x16NarrowU(aLo, aHi);
            case I16X8_NARROW_I32X4_S -> V128Convert.i16x8NarrowS(aLo, aHi);
            case I16X8_NARROW_I32X4_U -> V128Convert.i16x8NarrowU(aLo, aHi);
            case F32X4_DEMOTE_F64X2_ZERO -> V128Convert.f32x4DemoteZero(aLo, aHi);
            case I32X4_TRUNC_SAT_F64X2_S_ZERO -> V128Convert.i32x4TruncSatF64x2SZero(aLo, aHi);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO -> V128Convert.i32x4TruncSatF64x2UZero(aLo, aHi);
            default -> widening(FD[fd], aLo, aHi, bLo, bHi, false);
        };
    }

    static long wholeHi(int fd, long aLo, long aHi, long bLo, long bHi) {
        return switch (FD[fd]) {
            case I8X16_SWIZZLE -> V128Lanes.i8x16Swizzle(aLo, aHi, bHi);
            case I8X16_NARROW_I16X8_S -> V128Convert.i8x16NarrowS(bLo, bHi);
            case I8X16_NARROW_I16X8_U -> V128Convert.i8x16NarrowU(bLo, bHi);
            case I16X8_NARROW_I32X4_S -> V128Convert.i16x8NarrowS(bLo, bHi);
            case I16X8_NARROW_I32X4_U -> V128Convert.i16x8NarrowU(bLo, bHi);
            case F32X4_DEMOTE_F64X2_ZERO, I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_TRUNC_SAT_F64X2_U_ZERO -> 0;
            default -> widening(FD[fd], aLo, aHi, bLo, bHi, true);
        };
    }

    /**
     * One half of a widening operator's result: the {@code low} forms read the low half of their
     * operands, the {@code high} forms the high half, and the result's low half comes from the
     * lower 32 bits of that, its high half from the upper 32.
     */
    private static long widening(Opcode op, long aLo, long aHi, long bLo, long bHi, boolean upperResult) {
        boolean highForm = op.mnemonic().contains("high");
        long a = highForm ? aHi : aLo;
        long b = highForm ? bHi : bLo;
        int x = upperResult ? (int) (a >>> 32) : (int) a;
        int y = upperResult ? (int) (b >>> 32) : (int) b;
        return switch (op) {
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S -> V128Convert.i16x8ExtendS(x);
            case I16X8_EXTEND_LOW_I8X16_U, I16X8_EXTEND_HIGH_I8X16_U -> V128Convert.i16x8ExtendU(x);
            case I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S -> V128Convert.i32x4ExtendS(x);
            case I32X4_EXTEND_LOW_I16X8_U, I32X4_EXTEND_HIGH_I16X8_U -> V128Convert.i32x4ExtendU(x);
            case I64X2_EXTEND_LOW_I32X4_S, I64X2_EXTEND_HIGH_I32X4_S -> V128Convert.i64x2ExtendS(x);
            case I64X2_EXTEND_LOW_I32X4_U, I64X2_EXTEND_HIGH_I32X4_U -> V128Convert.i64x2ExtendU(x);
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S -> V128Convert.i16x8ExtmulS(x, y);
            case I16X8_EXTMUL_LOW_I8X16_U, I16X8_EXTMUL_HIGH_I8X16_U -> V128Convert.i16x8ExtmulU(x, y);
            case I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S -> V128Convert.i32x4ExtmulS(x, y);
            case I32X4_EXTMUL_LOW_I16X8_U, I32X4_EXTMUL_HIGH_I16X8_U -> V128Convert.i32x4ExtmulU(x, y);
            case I64X2_EXTMUL_LOW_I32X4_S, I64X2_EXTMUL_HIGH_I32X4_S -> V128Convert.i64x2ExtmulS(x, y);
            case I64X2_EXTMUL_LOW_I32X4_U, I64X2_EXTMUL_HIGH_I32X4_U -> V128Convert.i64x2ExtmulU(x, y);
            case F64X2_CONVERT_LOW_I32X4_S -> V128Convert.f64x2ConvertS(x);
            case F64X2_CONVERT_LOW_I32X4_U -> V128Convert.f64x2ConvertU(x);
            case F64X2_PROMOTE_LOW_F32X4 -> V128Convert.f64x2Promote(x);
            default -> throw new IllegalStateException("not a cross-half operator: " + op);
        };
    }

    /** The widening of the 32 source bits {@code four} by a v128.loadNxM (spec 4.4.7). */
    static long widen(Opcode load, int four) {
        return switch (load) {
            case V128_LOAD8X8_S -> V128Convert.i16x8ExtendS(four);
            case V128_LOAD8X8_U -> V128Convert.i16x8ExtendU(four);
            case V128_LOAD16X4_S -> V128Convert.i32x4ExtendS(four);
            case V128_LOAD16X4_U -> V128Convert.i32x4ExtendU(four);
            case V128_LOAD32X2_S -> V128Convert.i64x2ExtendS(four);
            case V128_LOAD32X2_U -> V128Convert.i64x2ExtendU(four);
            default -> throw new IllegalStateException("not a widening load: " + load);
        };
    }
}
