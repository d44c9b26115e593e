package dev.nebula.decoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** u32 LEB128 (spec 5.2.2): at most five bytes, and the fifth may only carry bits 28-31. */
class UnsignedLeb128Test {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // minimal encodings
            "00,             0,          1",
            "01,             1,          1",
            "7f,             127,        1",
            "80 01,          128,        2",
            "e5 8e 26,       624485,     3",
            "80 80 80 80 08, 2147483648, 5",
            "ff ff ff ff 0f, 4294967295, 5",
            // padded encodings are allowed as long as they fit in five bytes
            "80 00,          0,          2",
            "80 80 80 80 00, 0,          5",
            "82 00,          2,          2",
            "82 80 80 80 00, 2,          5",
            "ff 80 80 80 00, 127,        5",
    })
    void decodesValueAndLength(String bytes, long expected, int length) {
        ByteReader in = reader(bytes);
        assertEquals(expected, in.u32());
        assertEquals(length, in.position());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // a sixth byte, or a fifth byte that continues
            "80 80 80 80 80 00, integer representation too long",
            "82 80 80 80 80 00, integer representation too long",
            "ff ff ff ff ff 0f, integer representation too long",
            // the fifth byte's bits 4-6 lie beyond 32 bits and must be zero
            "82 80 80 80 70,    integer too large",
            "82 80 80 80 40,    integer too large",
            "ff ff ff ff 1f,    integer too large",
            "80 80 80 80 10,    integer too large",
    })
    void rejectsEncodingsBeyondThirtyTwoBitsAtTheirFirstByte(String bytes, String message) {
        assertMalformed(() -> reader(bytes).u32(), message, 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"80", "ff ff", "80 80 80 80"})
    void reportsTheEndOfInputWhenTheContinuationBitPointsPastIt(String bytes) {
        int length = hex(bytes).length;
        assertMalformed(() -> reader(bytes).u32(), "unexpected end", length);
    }

    @Test
    void reportsTheAbsoluteOffsetWhenTheReaderStartsInsideTheArray() {
        byte[] bytes = hex("aa bb cc 80 80 80 80 80 00");
        assertMalformed(() -> new ByteReader(bytes, 3, bytes.length).u32(), "integer representation too long", 3);
    }

    @Test
    void stopsAtTheReadersLimitNotAtTheEndOfTheArray() {
        byte[] bytes = hex("80 80 01");
        assertMalformed(() -> new ByteReader(bytes, 0, 2).u32(), "unexpected end", 2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "7f,             127",
            "ff ff ff ff 07, 2147483647",
            // indices beyond int range saturate so that every later range check fails
            "80 80 80 80 08, 2147483647",
            "ff ff ff ff 0f, 2147483647",
    })
    void u32AsIntSaturatesAtIntegerMaxValue(String bytes, int expected) {
        assertEquals(expected, reader(bytes).u32AsInt());
    }

    private static ByteReader reader(String bytes) {
        byte[] b = hex(bytes);
        return new ByteReader(b, 0, b.length);
    }
}
