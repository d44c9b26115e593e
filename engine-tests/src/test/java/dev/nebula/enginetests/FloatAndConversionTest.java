package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import static dev.nebula.interpreter.testkit.Run.apply;
import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static dev.nebula.interpreter.testkit.Run.f32Bits;
import static dev.nebula.interpreter.testkit.Run.f64Bits;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Float operators (spec 4.3.3) and conversions (spec 4.3.4), with the NaN and zero cases that trip up naive code. */
class FloatAndConversionTest {

    private static final long F32_SIGNALLING_NAN = 0x7FA0_0000L;
    private static final long F64_SIGNALLING_NAN = 0x7FF4_0000_0000_0000L;

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static boolean isQuietNaN32(long bits) {
        return ((int) bits & 0x7FC0_0000) == 0x7FC0_0000;
    }

    private static boolean isQuietNaN64(long bits) {
        return (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    @Test
    void minMaxOrderZerosAndPropagateQuietNaN() {
        assertEquals(f32Bits(-0.0f), apply(Opcode.F32_MIN, f32Bits(0.0f), f32Bits(-0.0f)));
        assertEquals(f32Bits(0.0f), apply(Opcode.F32_MAX, f32Bits(-0.0f), f32Bits(0.0f)));
        assertEquals(f64Bits(-0.0), apply(Opcode.F64_MIN, f64Bits(0.0), f64Bits(-0.0)));
        assertEquals(f64Bits(0.0), apply(Opcode.F64_MAX, f64Bits(-0.0), f64Bits(0.0)));
        assertEquals(true, isQuietNaN32(apply(Opcode.F32_MIN, F32_SIGNALLING_NAN, f32Bits(1f))));
        assertEquals(true, isQuietNaN32(apply(Opcode.F32_MAX, f32Bits(1f), F32_SIGNALLING_NAN)));
        assertEquals(true, isQuietNaN64(apply(Opcode.F64_MIN, f64Bits(1), F64_SIGNALLING_NAN)));
        assertEquals(true, isQuietNaN64(apply(Opcode.F64_MAX, F64_SIGNALLING_NAN, f64Bits(1))));
    }

    @Test
    void bitOperatorsKeepNaNPayloads() {
        assertEquals(0xFFA0_0000L, apply(Opcode.F32_NEG, F32_SIGNALLING_NAN));
        assertEquals(F32_SIGNALLING_NAN, apply(Opcode.F32_ABS, 0xFFA0_0000L));
        assertEquals(0xFFA0_0000L, apply(Opcode.F32_COPYSIGN, F32_SIGNALLING_NAN, f32Bits(-1f)));
        assertEquals(0xFFF4_0000_0000_0000L, apply(Opcode.F64_NEG, F64_SIGNALLING_NAN));
        assertEquals(F64_SIGNALLING_NAN, apply(Opcode.F64_ABS, 0xFFF4_0000_0000_0000L));
        assertEquals(F64_SIGNALLING_NAN, apply(Opcode.F64_COPYSIGN, F64_SIGNALLING_NAN, f64Bits(1)));
    }

    @Test
    void roundingOperators() {
        assertEquals(2.0f, f32(apply(Opcode.F32_NEAREST, f32Bits(2.5f))));
        assertEquals(4.0f, f32(apply(Opcode.F32_NEAREST, f32Bits(3.5f))));
        assertEquals(f32Bits(-0.0f), apply(Opcode.F32_NEAREST, f32Bits(-0.5f)));
        assertEquals(-2.0, f64(apply(Opcode.F64_NEAREST, f64Bits(-2.5))));
        assertEquals(f64Bits(-0.0), apply(Opcode.F64_TRUNC, f64Bits(-0.9)));
        assertEquals(f64Bits(-0.0), apply(Opcode.F64_CEIL, f64Bits(-0.5)));
        assertEquals(-1.0f, f32(apply(Opcode.F32_FLOOR, f32Bits(-0.5f))));
        assertEquals(true, isQuietNaN64(apply(Opcode.F64_FLOOR, F64_SIGNALLING_NAN)));
        assertEquals(true, isQuietNaN32(apply(Opcode.F32_CEIL, F32_SIGNALLING_NAN)));
        assertEquals(3.0f, f32(apply(Opcode.F32_SQRT, f32Bits(9f))));
    }

    @Test
    void arithmetic() {
        assertEquals(0.3f, f32(apply(Opcode.F32_ADD, f32Bits(0.1f), f32Bits(0.2f))));
        assertEquals(0.1 + 0.2, f64(apply(Opcode.F64_ADD, f64Bits(0.1), f64Bits(0.2))));
        assertEquals(Double.POSITIVE_INFINITY, f64(apply(Opcode.F64_DIV, f64Bits(1), f64Bits(0))));
        assertEquals(1, apply(Opcode.F64_NE, F64_SIGNALLING_NAN, F64_SIGNALLING_NAN));
        assertEquals(0, apply(Opcode.F32_EQ, F32_SIGNALLING_NAN, F32_SIGNALLING_NAN));
    }

    @Test
    void checkedTruncationTraps() {
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> apply(Opcode.I32_TRUNC_F32_S, 0x7FC0_0000L));
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> apply(Opcode.I64_TRUNC_F64_U, f64Bits(Double.NaN)));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> apply(Opcode.I32_TRUNC_F32_S, f32Bits(2147483648f)));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> apply(Opcode.I32_TRUNC_F64_U, f64Bits(-1.0)));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> apply(Opcode.I64_TRUNC_F64_S, f64Bits(9223372036854775808.0)));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> apply(Opcode.I64_TRUNC_F32_U, f32Bits(1.8446744e19f)));
        assertEquals(-2147483648, (int) apply(Opcode.I32_TRUNC_F64_S, f64Bits(-2147483648.9)));
        assertEquals(-1, (int) apply(Opcode.I32_TRUNC_F64_U, f64Bits(4294967295.9)));
        assertEquals(0, (int) apply(Opcode.I32_TRUNC_F64_U, f64Bits(-0.9)));
        assertEquals(0xFFFF_FFFF_FFFF_F800L, apply(Opcode.I64_TRUNC_F64_U, f64Bits(18446744073709549568.0)));
        assertEquals(Long.MIN_VALUE, apply(Opcode.I64_TRUNC_F64_S, f64Bits(-9223372036854775808.0)));
    }

    @Test
    void saturatingTruncation() {
        assertEquals(Integer.MAX_VALUE, (int) apply(Opcode.I32_TRUNC_SAT_F32_S, f32Bits(1e10f)));
        assertEquals(0, (int) apply(Opcode.I32_TRUNC_SAT_F32_S, 0x7FC0_0000L));
        assertEquals(-1, (int) apply(Opcode.I32_TRUNC_SAT_F64_U, f64Bits(1e10)));
        assertEquals(0, (int) apply(Opcode.I32_TRUNC_SAT_F64_U, f64Bits(-5)));
        assertEquals(-1L, apply(Opcode.I64_TRUNC_SAT_F64_U, f64Bits(1e30)));
        assertEquals(0L, apply(Opcode.I64_TRUNC_SAT_F32_U, f32Bits(Float.NaN)));
        assertEquals(Long.MIN_VALUE, apply(Opcode.I64_TRUNC_SAT_F64_S, f64Bits(-1e30)));
    }

    @Test
    void unsignedConversions() {
        assertEquals(4294967295.0, f64(apply(Opcode.F64_CONVERT_I32_U, 0xFFFF_FFFFL)));
        assertEquals(4294967296.0f, f32(apply(Opcode.F32_CONVERT_I32_U, 0xFFFF_FFFFL)));
        assertEquals(18446744073709551616.0, f64(apply(Opcode.F64_CONVERT_I64_U, -1L)));
        // 2^63 + 2^39 + 1 lies just above the midpoint of 2^63 and 2^63 + 2^40, so it rounds up;
        // converting through double first would lose the 1 and round the tie down to 2^63.
        assertEquals(9.223373e18f, f32(apply(Opcode.F32_CONVERT_I64_U, 0x8000_0080_0000_0001L)));
        assertEquals(-1.0f, f32(apply(Opcode.F32_CONVERT_I32_S, 0xFFFF_FFFFL)));
    }

    @Test
    void promoteDemoteAndReinterpret() {
        assertEquals(true, isQuietNaN32(apply(Opcode.F32_DEMOTE_F64, F64_SIGNALLING_NAN)));
        assertEquals(0x7FC0_0000L, apply(Opcode.F32_DEMOTE_F64, 0x7FF8_0000_0000_0000L));
        assertEquals(f64Bits(1.5), apply(Opcode.F64_PROMOTE_F32, f32Bits(1.5f)));
        assertEquals(-1, (int) apply(Opcode.I32_REINTERPRET_F32, 0xFFFF_FFFFL));
        assertEquals(0xFFFF_FFFFL, apply(Opcode.F32_REINTERPRET_I32, -1L));
        assertEquals(F64_SIGNALLING_NAN, apply(Opcode.I64_REINTERPRET_F64, F64_SIGNALLING_NAN));
    }
}
