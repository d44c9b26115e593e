package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Global;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.ModuleBuilder.GLOBAL;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.IMPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Global types (spec 5.3.10: value type, then mutability 0 or 1) and global initializers (5.5.9). */
class GlobalTest {

    private static final int FIRST_GLOBAL = HEADER.length + 3;

    @Test
    void decodesMutabilityAndKeepsTheInitializersBytes() {
        byte[] constInit = hex("42 7f 0b");
        byte[] getInit = hex("23 00 0b");
        DecodedModule module = decodes(module().section(GLOBAL, vec(
                concat(bytes(0x7E, 0x00), constInit),
                concat(bytes(0x7F, 0x01), getInit))).build());
        Global first = module.globals().get(0);
        Global second = module.globals().get(1);
        assertEquals(new GlobalType(ValType.I64, false), first.type());
        assertEquals(new GlobalType(ValType.I32, true), second.type());
        byte[] bytes = module.bytesUnsafe();
        assertArrayEquals(constInit, Arrays.copyOfRange(bytes, first.init().start(), first.init().end()));
        assertArrayEquals(getInit, Arrays.copyOfRange(bytes, second.init().start(), second.init().end()));
    }

    @ParameterizedTest(name = "mutability {0}")
    @ValueSource(ints = {0x02, 0x7F, 0x80, 0xFF})
    void rejectsMutabilityOtherThan0Or1AtThatByte(int mutability) {
        byte[] bytes = module().section(GLOBAL, vec(concat(bytes(0x7F, mutability), hex("41 00 0b")))).build();
        assertMalformed(bytes, "malformed mutability", FIRST_GLOBAL + 1);
    }

    @Test
    void rejectsBadMutabilityInAnImportedGlobal() {
        byte[] bytes = module().section(IMPORT, vec(concat(name("m"), name("g"), bytes(0x03, 0x7F, 0x02)))).build();
        assertMalformed(bytes, "malformed mutability", FIRST_GLOBAL + 6);
    }

    @Test
    void rejectsAnUnknownValueType() {
        byte[] bytes = module().section(GLOBAL, vec(concat(bytes(0x7A, 0x00), hex("41 00 0b")))).build();
        assertMalformed(bytes, "malformed value type", FIRST_GLOBAL);
    }

    @Test
    void rejectsAMissingSecondGlobal() {
        // Spec binary.wast: "2 global declared, 1 given".
        byte[] bytes = module().section(GLOBAL, bytes(0x02), hex("7f 00 41 00 0b")).build();
        assertMalformed(bytes, "unexpected end of section or function", bytes.length);
    }

    @Test
    void rejectsARedundantSecondGlobal() {
        // Spec binary.wast: "1 global declared, 2 given".
        byte[] bytes = module().section(GLOBAL, bytes(0x01), hex("7f 00 41 00 0b"), hex("7f 00 41 00 0b")).build();
        assertMalformed(bytes, "section size mismatch", HEADER.length + 2);
    }

    @Test
    void rejectsAnInitializerWithoutEnd() {
        byte[] bytes = module().section(GLOBAL, vec(concat(bytes(0x7F, 0x00), hex("41 00")))).build();
        assertMalformed(bytes, "unexpected end", bytes.length);
    }
}
