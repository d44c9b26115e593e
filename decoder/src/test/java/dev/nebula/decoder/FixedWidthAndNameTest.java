package dev.nebula.decoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Little-endian fixed-width values (spec 5.2.3) and UTF-8 names (spec 5.2.4). */
class FixedWidthAndNameTest {

    @Test
    void fixed32IsLittleEndian() {
        ByteReader in = reader("01 02 03 84");
        assertEquals(0x84030201, in.fixed32());
        assertEquals(4, in.position());
    }

    @Test
    void fixed64IsLittleEndian() {
        ByteReader in = reader("01 02 03 04 05 06 07 88");
        assertEquals(0x8807060504030201L, in.fixed64());
        assertEquals(8, in.position());
    }

    @Test
    void fixed32ReportsTheEndWhenFewerThanFourBytesRemain() {
        assertMalformed(() -> reader("01 02 03").fixed32(), "unexpected end", 3);
    }

    @Test
    void fixed64ReportsTheEndWhenFewerThanEightBytesRemain() {
        assertMalformed(() -> reader("01 02 03 04 05 06 07").fixed64(), "unexpected end", 7);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(value = {
            "00|",
            "03 61 62 63|abc",
            "02 c3 a9|\u00e9",
            "03 e2 82 ac|\u20ac",
            "04 f0 9f 98 80|\ud83d\ude00",
            // the largest code points of each length are all fine, noncharacters included
            "02 df bf|\u07ff",
            "03 ef bf bf|\uffff",
            "04 f4 8f bf bf|\udbff\udfff",
    }, delimiter = '|')
    void decodesValidUtf8(String bytes, String expected) {
        ByteReader in = reader(bytes);
        assertEquals(expected == null ? "" : expected, in.name());
        assertEquals(hex(bytes).length, in.position());
    }

    @Test
    void decodesANulCharacter() {
        // Kept out of the table above: CSV sources trim U+0000 like whitespace.
        assertEquals("a\u0000", reader("02 61 00").name());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // overlong encodings
            "02 c0 80", "02 c1 bf", "03 e0 80 80", "03 e0 9f bf", "04 f0 80 80 80", "04 f0 8f bf bf",
            // UTF-16 surrogates, alone and as a CESU-8 pair
            "03 ed a0 80", "03 ed bf bf", "06 ed a0 bd ed b8 80",
            // code points beyond U+10FFFF and bytes that never occur in UTF-8
            "04 f4 90 80 80", "04 f5 80 80 80", "05 f8 88 80 80 80", "01 fe", "01 ff",
            // sequences cut short by the name's length, and stray continuation bytes
            "01 c3", "02 e2 82", "03 f0 9f 98", "01 80", "02 61 bf", "02 c3 41",
    })
    void rejectsInvalidUtf8AtTheNamesLength(String bytes) {
        byte[] b = hex("aa " + bytes);
        assertMalformed(() -> new ByteReader(b, 1, b.length).name(), "malformed UTF-8 encoding", 1);
    }

    @Test
    void rejectsANameLongerThanTheInput() {
        assertMalformed(() -> reader("05 61 62").name(), "length out of bounds", 0);
    }

    private static ByteReader reader(String bytes) {
        byte[] b = hex(bytes);
        return new ByteReader(b, 0, b.length);
    }
}
