package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preamble (spec 5.5.16): the magic "\0asm", then version 1 as four little-endian bytes. */
class HeaderTest {

    @Test
    void theHeaderAloneIsAnEmptyModule() {
        DecodedModule module = decodes(hex("00 61 73 6d 01 00 00 00"));
        assertTrue(module.sections().isEmpty());
        assertEquals(0, module.functionCount());
        assertEquals(-1, module.startFunction());
        assertEquals(-1, module.dataCount());
    }

    @ParameterizedTest(name = "[{0}] {1} at {2}")
    @CsvSource({
            // too short to hold the magic or the version
            "'',                               unexpected end,            0",
            "01,                               unexpected end,            1",
            "00 61 73,                         unexpected end,            3",
            "00 61 73 6d,                      unexpected end,            4",
            "00 61 73 6d 01,                   unexpected end,            5",
            "00 61 73 6d 01 00 00,             unexpected end,            7",
            // a wrong magic, however close
            "61 73 6d 00,                      magic header not detected, 0",
            "00 41 53 4d 01 00 00 00,          magic header not detected, 0",
            "00 00 00 01 6d 73 61 00,          magic header not detected, 0",
            "ef bb bf 00 61 73 6d 01 00 00 00, magic header not detected, 0",
            // a wrong version
            "00 61 73 6d 00 00 00 00,          unknown binary version,    4",
            "00 61 73 6d 02 00 00 00,          unknown binary version,    4",
            "00 61 73 6d 0d 00 00 00,          unknown binary version,    4",
            "00 61 73 6d 00 00 00 01,          unknown binary version,    4",
            "00 61 73 6d 01 00 01 00,          unknown binary version,    4",
    })
    void rejectsABadPreamble(String bytes, String message, int offset) {
        assertMalformed(hex(bytes), message, offset);
    }
}
