package dev.nebula.decoder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * s32, s33 and s64 LEB128 (spec 5.2.2): the last byte's bits beyond the type's width must all
 * equal its sign bit, and a short encoding is sign-extended from bit 6 of its last byte.
 */
class SignedLeb128Test {

    @ParameterizedTest(name = "s32 {0} -> {1}")
    @CsvSource({
            "00,             0,           1",
            "3f,             63,          1",
            // bit 6 of a last byte is the sign
            "40,             -64,         1",
            "7f,             -1,          1",
            "c0 00,          64,          2",
            "bf 7f,          -65,         2",
            "80 7f,          -128,        2",
            "ff ff ff ff 07, 2147483647,  5",
            "80 80 80 80 78, -2147483648, 5",
            // padding repeats the sign
            "80 80 80 80 00, 0,           5",
            "ff ff ff ff 7f, -1,          5",
            "ff 7f,          -1,          2",
    })
    void s32DecodesValueAndLength(String bytes, int expected, int length) {
        ByteReader in = reader(bytes);
        assertEquals(expected, in.s32());
        assertEquals(length, in.position());
    }

    @ParameterizedTest(name = "s32 {0}: {1}")
    @CsvSource({
            "80 80 80 80 80 00, integer representation too long",
            "ff ff ff ff ff 7f, integer representation too long",
            // bits 4-6 of the fifth byte must copy bit 3, the sign of an s32
            "80 80 80 80 70,    integer too large",
            "ff ff ff ff 0f,    integer too large",
            "80 80 80 80 1f,    integer too large",
            "ff ff ff ff 4f,    integer too large",
            "80 80 80 80 08,    integer too large",
            "ff ff ff ff 77,    integer too large",
    })
    void s32RejectsAtTheFirstByte(String bytes, String message) {
        assertMalformed(() -> reader(bytes).s32(), message, 0);
    }

    @ParameterizedTest(name = "s33 {0} -> {1}")
    @CsvSource({
            "00,             0,           1",
            "40,             -64,         1",
            "7f,             -1,          1",
            "80 01,          128,         2",
            // the fifth byte carries bits 28-32; bit 32 is the sign
            "ff ff ff ff 0f, 4294967295,  5",
            "80 80 80 80 70, -4294967296, 5",
            "ff ff ff ff 7f, -1,          5",
            "80 80 80 80 00, 0,           5",
    })
    void s33DecodesValueAndLength(String bytes, long expected, int length) {
        ByteReader in = reader(bytes);
        assertEquals(expected, in.s33());
        assertEquals(length, in.position());
    }

    @ParameterizedTest(name = "s33 {0}: {1}")
    @CsvSource({
            "80 80 80 80 80 00, integer representation too long",
            // bits 5-6 of the fifth byte must copy bit 4, the sign of an s33
            "80 80 80 80 10,    integer too large",
            "80 80 80 80 20,    integer too large",
            "ff ff ff ff 1f,    integer too large",
            "ff ff ff ff 5f,    integer too large",
    })
    void s33RejectsAtTheFirstByte(String bytes, String message) {
        assertMalformed(() -> reader(bytes).s33(), message, 0);
    }

    @ParameterizedTest(name = "s64 {0} -> {1}")
    @CsvSource({
            "00,                            0,                    1",
            "7f,                            -1,                   1",
            "c0 bb 78,                      -123456,              3",
            "ff ff ff ff ff ff ff ff ff 00, 9223372036854775807,  10",
            "80 80 80 80 80 80 80 80 80 7f, -9223372036854775808, 10",
            "80 80 80 80 80 80 80 80 80 00, 0,                    10",
            "ff ff ff ff ff ff ff ff ff 7f, -1,                   10",
    })
    void s64DecodesValueAndLength(String bytes, long expected, int length) {
        ByteReader in = reader(bytes);
        assertEquals(expected, in.s64());
        assertEquals(length, in.position());
    }

    @ParameterizedTest(name = "s64 {0}: {1}")
    @CsvSource({
            "80 80 80 80 80 80 80 80 80 80 00, integer representation too long",
            "ff ff ff ff ff ff ff ff ff ff 7f, integer representation too long",
            // the tenth byte holds bit 63 and six copies of it
            "80 80 80 80 80 80 80 80 80 7e,    integer too large",
            "ff ff ff ff ff ff ff ff ff 01,    integer too large",
            "80 80 80 80 80 80 80 80 80 02,    integer too large",
            "ff ff ff ff ff ff ff ff ff 41,    integer too large",
            "80 80 80 80 80 80 80 80 80 01,    integer too large",
    })
    void s64RejectsAtTheFirstByte(String bytes, String message) {
        assertMalformed(() -> reader(bytes).s64(), message, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"80", "ff ff ff", "80 80 80 80 80 80 80 80 80"})
    void signedReadersReportTheEndOfInput(String bytes) {
        int length = hex(bytes).length;
        assertMalformed(() -> reader(bytes).s64(), "unexpected end", length);
        if (length < 5) {
            assertMalformed(() -> reader(bytes).s32(), "unexpected end", length);
            assertMalformed(() -> reader(bytes).s33(), "unexpected end", length);
        }
    }

    private static ByteReader reader(String bytes) {
        byte[] b = hex(bytes);
        return new ByteReader(b, 0, b.length);
    }
}
