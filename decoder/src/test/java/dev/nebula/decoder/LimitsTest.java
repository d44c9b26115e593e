package dev.nebula.decoder;

import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.TABLE;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Limits (spec 5.3.7): flag 0 then min, or flag 1 then min and max, each a u32. Range rules such
 * as min <= max or 65536 pages are validation's (spec 3.2.1), so the decoder keeps any u32.
 */
class LimitsTest {

    /** Offset of the first memory's limits flag: header, section id, size, count. */
    private static final int FIRST_ENTRY = HEADER.length + 3;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "00 00,                         '{min 0}'",
            "00 82 80 80 80 00,             '{min 2}'",
            "00 ff ff ff ff 0f,             '{min 4294967295}'",
            "01 00 00,                      '{min 0, max 0}'",
            "01 05 03,                      '{min 5, max 3}'",
            "01 80 80 04 ff ff ff ff 0f,    '{min 65536, max 4294967295}'",
    })
    void decodesMemoryLimits(String limits, String expected) {
        Limits decoded = decodes(module().section(MEMORY, vec(hex(limits))).build()).memories().get(0).limits();
        assertEquals(expected, decoded.toString());
    }

    @Test
    void decodesTableLimitsAfterTheReferenceType() {
        TableType table = decodes(module().section(TABLE, vec(hex("6f 01 02 0a"))).build()).tables().get(0);
        assertEquals(ValType.EXTERNREF, table.elementType());
        assertEquals(Limits.of(2, 10), table.limits());
    }

    @ParameterizedTest(name = "flag {0}: {1}")
    @CsvSource({
            // the reference interpreter reads the flag as a LEB128 integer
            "02, integer too large",
            "03, integer too large",
            "7f, integer too large",
            "80, integer representation too long",
            "81, integer representation too long",
    })
    void rejectsAFlagOtherThan0Or1AtTheFlag(String flag, String message) {
        byte[] bytes = module().section(MEMORY, vec(concat(hex(flag), bytes(0x00, 0x00)))).build();
        assertMalformed(bytes, message, FIRST_ENTRY);
    }

    @Test
    void rejectsAMinimumWithUnusedBitsSet() {
        // Spec binary.wast: "no max, minimum 2 with unused bits set".
        byte[] bytes = module().section(MEMORY, vec(hex("00 82 80 80 80 70"))).build();
        assertMalformed(bytes, "integer too large", FIRST_ENTRY + 1);
    }

    @Test
    void rejectsAnOverlongMaximum() {
        byte[] bytes = module().section(MEMORY, vec(hex("01 00 82 80 80 80 80 00"))).build();
        assertMalformed(bytes, "integer representation too long", FIRST_ENTRY + 2);
    }

    @Test
    void rejectsATableOfANumericType() {
        byte[] bytes = module().section(TABLE, vec(hex("7f 00 00"))).build();
        assertMalformed(bytes, "malformed reference type", FIRST_ENTRY);
    }
}
