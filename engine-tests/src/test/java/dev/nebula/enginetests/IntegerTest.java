package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.nebula.interpreter.testkit.Run.apply;
import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static dev.nebula.interpreter.testkit.Run.i32;
import static dev.nebula.interpreter.testkit.Run.i64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Integer operators (spec 4.3.2), each against exact expected values, traps included. */
class IntegerTest {

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "I32_ADD, 2147483647, 1, -2147483648",
        "I32_SUB, -2147483648, 1, 2147483647",
        "I32_MUL, 65536, 65536, 0",
        "I32_MUL, -3, 7, -21",
        "I32_DIV_S, -7, 2, -3",
        "I32_DIV_U, -1, 2, 2147483647",
        "I32_REM_S, -7, 2, -1",
        "I32_REM_S, -2147483648, -1, 0",
        "I32_REM_U, -1, 10, 5",
        "I32_AND, 12, 10, 8",
        "I32_OR, 12, 10, 14",
        "I32_XOR, 12, 10, 6",
        "I32_SHL, 1, 33, 2",
        "I32_SHR_S, -8, 1, -4",
        "I32_SHR_U, -8, 1, 2147483644",
        "I32_SHR_U, -8, 32, -8",
        "I32_ROTL, -2147483647, 1, 3",
        "I32_ROTR, 3, 1, -2147483647",
        "I32_EQ, 5, 5, 1",
        "I32_NE, 5, 5, 0",
        "I32_LT_S, -1, 0, 1",
        "I32_LT_U, -1, 0, 0",
        "I32_GT_S, -1, 0, 0",
        "I32_GT_U, -1, 0, 1",
        "I32_LE_S, 3, 3, 1",
        "I32_LE_U, 0, -1, 1",
        "I32_GE_S, -5, -4, 0",
        "I32_GE_U, -4, -5, 1",
    })
    void i32Binary(Opcode op, int a, int b, int expected) {
        assertEquals(expected, i32(op, a, b));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "I32_CLZ, 0, 32",
        "I32_CLZ, 1, 31",
        "I32_CTZ, 0, 32",
        "I32_CTZ, -2147483648, 31",
        "I32_POPCNT, -1, 32",
        "I32_EQZ, 0, 1",
        "I32_EQZ, 7, 0",
        "I32_EXTEND8_S, 128, -128",
        "I32_EXTEND8_S, 383, 127",
        "I32_EXTEND16_S, 32768, -32768",
    })
    void i32Unary(Opcode op, int a, int expected) {
        assertEquals(expected, i32(op, a));
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "I64_ADD, 9223372036854775807, 1, -9223372036854775808",
        "I64_MUL, 4294967296, 4294967296, 0",
        "I64_DIV_S, -7, 2, -3",
        "I64_DIV_U, -1, 2, 9223372036854775807",
        "I64_REM_S, -9223372036854775808, -1, 0",
        "I64_REM_U, -1, 10, 5",
        "I64_SHL, 1, 65, 2",
        "I64_SHR_S, -8, 1, -4",
        "I64_SHR_U, -8, 1, 9223372036854775804",
        "I64_ROTL, -9223372036854775807, 1, 3",
        "I64_ROTR, 3, 1, -9223372036854775807",
        "I64_LT_U, -1, 0, 0",
        "I64_GT_U, -1, 0, 1",
        "I64_LE_S, -1, 0, 1",
        "I64_GE_U, 0, -1, 0",
    })
    void i64Binary(Opcode op, long a, long b, long expected) {
        assertEquals(expected, i64(op, a, b));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "I64_CLZ, 1, 63",
        "I64_CTZ, 0, 64",
        "I64_POPCNT, -1, 64",
        "I64_EXTEND8_S, 255, -1",
        "I64_EXTEND16_S, 65535, -1",
        "I64_EXTEND32_S, 4294967295, -1",
    })
    void i64Unary(Opcode op, long a, long expected) {
        assertEquals(expected, i64(op, a));
    }

    @Test
    void divisionTraps() {
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i32(Opcode.I32_DIV_S, 1, 0));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i32(Opcode.I32_DIV_U, 1, 0));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i32(Opcode.I32_REM_S, 1, 0));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i32(Opcode.I32_REM_U, 1, 0));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> i32(Opcode.I32_DIV_S, Integer.MIN_VALUE, -1));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i64(Opcode.I64_DIV_S, 1, 0));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> i64(Opcode.I64_REM_U, 1, 0));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> i64(Opcode.I64_DIV_S, Long.MIN_VALUE, -1));
    }

    @Test
    void wrapAndExtend() {
        assertEquals(-1, (int) apply(Opcode.I32_WRAP_I64, "l", "i", 0x1_FFFF_FFFFL));
        assertEquals(0xFFFF_FFFFL, apply(Opcode.I64_EXTEND_I32_U, "i", "l", -1));
        assertEquals(-1L, apply(Opcode.I64_EXTEND_I32_S, "i", "l", 0xFFFF_FFFFL));
    }
}
