package dev.nebula.decoder;

import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.END;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static dev.nebula.decoder.testkit.ModuleBuilder.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Local declarations (spec 5.5.13): runs of (count, type) whose counts must add up to less
 * than 2^32. The model keeps the runs, so millions of locals cost nothing until used.
 */
class LocalsTest {

    @Test
    void decodesRunsAndLooksUpEachLocalsType() {
        FunctionBody body = onlyBody(hex("03 02 7f 01 7e 03 7b"));
        assertEquals(6, body.localCount());
        assertEquals(3, body.localRunCount());
        assertEquals(2, body.localRunLength(0));
        assertEquals(ValType.I64, body.localRunType(1));
        assertEquals(ValType.I32, body.localType(0));
        assertEquals(ValType.I32, body.localType(1));
        assertEquals(ValType.I64, body.localType(2));
        assertEquals(ValType.V128, body.localType(3));
        assertEquals(ValType.V128, body.localType(5));
    }

    @Test
    void skipsEmptyRunsWhenLookingUpTypes() {
        FunctionBody body = onlyBody(hex("03 01 7f 00 7e 01 7d"));
        assertEquals(2, body.localCount());
        assertEquals(ValType.F32, body.localType(1));
    }

    @Test
    void acceptsTheLargestLegalNumberOfLocalsWithoutAllocatingThem() {
        FunctionBody body = onlyBody(concat(u32(2), u32(0xFFFF_FFFEL), bytes(0x7F), u32(1), bytes(0x7C)));
        assertEquals(0xFFFF_FFFFL, body.localCount());
        assertEquals(ValType.I32, body.localType(0xFFFF_FFFDL));
        assertEquals(ValType.F64, body.localType(0xFFFF_FFFEL));
    }

    @Test
    void rejectsLocalsThatAddUpTo2To32AtTheRunThatOverflows() {
        byte[] secondRun = concat(u32(0x8000_0000L), bytes(0x7E));
        byte[] bytes = withBody(concat(u32(2), u32(0x8000_0000L), bytes(0x7F), secondRun));
        int secondRunAt = bytes.length - secondRun.length - 1;
        assertMalformed(bytes, "too many locals", secondRunAt);
    }

    @Test
    void rejectsALocalCountBeyond32Bits() {
        // Spec binary.wast: "Local number is unsigned 32 bit".
        byte[] count = hex("80 80 80 80 10");
        byte[] bytes = withBody(concat(u32(2), count, bytes(0x7F), hex("02 7e")));
        assertMalformed(bytes, "integer too large", bytes.length - 1 - 2 - 1 - count.length);
    }

    @Test
    void rejectsAnUnknownLocalType() {
        byte[] bytes = withBody(hex("01 01 40"));
        assertMalformed(bytes, "malformed value type", bytes.length - 2);
    }

    private static FunctionBody onlyBody(byte[] localDeclarations) {
        return decodes(withBody(localDeclarations)).bodies().get(0);
    }

    /** A module with one function whose body is the given local declarations then {@code end}. */
    private static byte[] withBody(byte[] localDeclarations) {
        return module()
                .section(TYPE, vec(voidType()))
                .section(FUNCTION, vecOfBytes(0))
                .section(CODE, vec(body(localDeclarations, bytes(END))))
                .build();
    }
}
