package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;
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
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static dev.nebula.decoder.testkit.ModuleBuilder.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The function section declares each function's type and the code section gives its body; the
 * two must have the same length (spec 5.5.16), and each body must fill its declared size.
 */
class FunctionAndCodeCountTest {

    private static final String INCONSISTENT = "function and code section have inconsistent lengths";

    @Test
    void pairsEachDeclaredFunctionWithItsBody() {
        DecodedModule module = decodes(module()
                .section(TYPE, vec(voidType()))
                .section(FUNCTION, vecOfBytes(0, 0))
                .section(CODE, vec(body(0x01), body(0x01, 0x01)))
                .build());
        assertEquals(2, module.bodies().size());
        FunctionBody second = module.bodies().get(1);
        assertEquals(3, second.codeSize());
        assertEquals(module.byteSize(), second.codeEnd());
    }

    @Test
    void acceptsNeitherSection() {
        assertEquals(0, decodes(module().build()).bodies().size());
    }

    @Test
    void acceptsEmptySectionsOfBoth() {
        assertEquals(0, decodes(module().section(FUNCTION, vec()).section(CODE, vec()).build()).bodies().size());
    }

    @Test
    void rejectsMoreFunctionsThanBodiesAtTheEndOfTheModule() {
        byte[] bytes = module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0, 0))
                .section(CODE, vec(body())).build();
        assertMalformed(bytes, INCONSISTENT, bytes.length);
    }

    @Test
    void rejectsFunctionsWithoutACodeSection() {
        byte[] bytes = module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0)).build();
        assertMalformed(bytes, INCONSISTENT, bytes.length);
    }

    @Test
    void rejectsBodiesWithoutAFunctionSection() {
        byte[] bytes = module().section(CODE, vec(body())).build();
        assertMalformed(bytes, INCONSISTENT, bytes.length);
    }

    @Test
    void rejectsTheMismatchEvenWhenADataSectionFollows() {
        byte[] bytes = module().section(FUNCTION, vecOfBytes(0)).section(DATA, vec()).build();
        assertMalformed(bytes, INCONSISTENT, bytes.length);
    }

    @Test
    void rejectsABodySizeBeyondTheEndOfTheModule() {
        byte[] bytes = module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0))
                .section(CODE, u32(1), u32(100), hex("00 0b")).build();
        assertMalformed(bytes, "length out of bounds", bytes.length - 3);
    }

    @Test
    void rejectsABodyWhoseInstructionsEndBeforeItsSize() {
        byte[] content = concat(u32(0), bytes(0x0B, 0x01));
        byte[] bytes = module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0))
                .section(CODE, u32(1), u32(content.length), content).build();
        assertMalformed(bytes, "section size mismatch", bytes.length - content.length);
    }

    @Test
    void rejectsABodyWithoutEndWhenTheModuleEnds() {
        // Spec binary.wast: "Function with missing end marker (at EOF)".
        byte[] bytes = module().section(TYPE, vec(voidType())).section(FUNCTION, vecOfBytes(0))
                .section(CODE, vec(concat(u32(4), hex("00 41 01 1a")))).build();
        assertMalformed(bytes, "unexpected end of section or function", bytes.length);
    }
}
