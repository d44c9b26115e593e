package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.testkit.Encode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA_COUNT;
import static dev.nebula.decoder.testkit.ModuleBuilder.ELEMENT;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.START;
import static dev.nebula.decoder.testkit.ModuleBuilder.TABLE;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static dev.nebula.decoder.testkit.ModuleBuilder.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Section ids, order and sizes (spec 5.5.2): the frame around every section's contents. */
class SectionFramingTest {

    /** Where the first section's id sits: right after the eight-byte preamble. */
    private static final int FIRST_SECTION = HEADER.length;

    @ParameterizedTest(name = "id {0}")
    @ValueSource(ints = {13, 0x7F, 0x80, 0xFF})
    void rejectsAnUnknownSectionId(int id) {
        assertMalformed(module().raw(bytes(id, 0x00)).build(), "malformed section id", FIRST_SECTION);
    }

    @Test
    void recordsEverySectionInOrderWithItsContentRange() {
        byte[] bytes = module()
                .custom("first")
                .section(TYPE, vec(voidType()))
                .section(FUNCTION, vecOfBytes(0))
                .section(TABLE, vec(bytes(0x70, 0x00, 0x01)))
                .section(MEMORY, vec(bytes(0x00, 0x01)))
                .section(START, u32(0))
                .section(ELEMENT, vec())
                .section(DATA_COUNT, u32(0))
                .custom("between")
                .section(CODE, vec(body()))
                .section(DATA, vec())
                .custom("last")
                .build();
        DecodedModule module = decodes(bytes);
        List<String> names = module.sections().stream().map(SectionInfo::name).toList();
        assertEquals(List.of("custom", "type", "function", "table", "memory", "start", "element", "datacount",
                "custom", "code", "data", "custom"), names);
        SectionInfo first = module.sections().get(0);
        assertEquals(FIRST_SECTION + 2, first.contentStart());
        assertEquals(6, first.size());
        assertEquals(0, module.startFunction());
        assertEquals(0, module.dataCount());
    }

    @Test
    void acceptsTheDataCountSectionBetweenElementAndCode() {
        decodes(module().section(ELEMENT, vec()).section(DATA_COUNT, u32(0)).section(CODE, vec()).build());
    }

    @Test
    void rejectsASectionThatComesTooLate() {
        byte[] bytes = module().section(FUNCTION, vec()).section(TYPE, vec()).build();
        assertMalformed(bytes, "unexpected content after last section", FIRST_SECTION + 3);
    }

    @Test
    void rejectsARepeatedSection() {
        byte[] bytes = module().section(TYPE, vec()).section(TYPE, vec()).build();
        assertMalformed(bytes, "unexpected content after last section", FIRST_SECTION + 3);
    }

    @Test
    void rejectsTheDataCountSectionAfterTheCodeSection() {
        byte[] bytes = module().section(CODE, vec()).section(DATA_COUNT, u32(0)).build();
        assertMalformed(bytes, "unexpected content after last section", FIRST_SECTION + 3);
    }

    @Test
    void rejectsTheDataCountSectionAfterTheDataSection() {
        byte[] bytes = module().section(DATA, vec()).section(DATA_COUNT, u32(0)).build();
        assertMalformed(bytes, "unexpected content after last section", FIRST_SECTION + 3);
    }

    @Test
    void rejectsContentsShorterThanTheDeclaredSize() {
        // A type section of size 4 holding the 3-byte vector [[] -> []] plus one stray byte.
        byte[] bytes = module().raw(bytes(TYPE, 0x05), vec(voidType()), bytes(0x00)).build();
        assertMalformed(bytes, "section size mismatch", FIRST_SECTION + 2);
    }

    @Test
    void rejectsContentsLongerThanTheDeclaredSize() {
        // The vector [[] -> []] takes 4 bytes; the section claims 3 and a memory section follows.
        byte[] bytes = module().raw(bytes(TYPE, 0x03), vec(voidType()), bytes(MEMORY, 0x01, 0x00)).build();
        assertMalformed(bytes, "section size mismatch", FIRST_SECTION + 2);
    }

    @Test
    void rejectsASectionSizeBeyondTheEndOfTheModule() {
        byte[] bytes = module().raw(bytes(TYPE, 0x05), vec(voidType())).build();
        assertMalformed(bytes, "length out of bounds", FIRST_SECTION + 1);
    }

    @Test
    void rejectsAHugeSectionSizeWithoutAllocatingIt() {
        byte[] bytes = module().raw(bytes(TYPE), u32(0xFFFF_FFFFL)).build();
        assertMalformed(bytes, "length out of bounds", FIRST_SECTION + 1);
    }

    @Test
    void rejectsASectionIdWithoutASize() {
        byte[] bytes = module().raw(bytes(TYPE)).build();
        assertMalformed(bytes, "unexpected end", bytes.length);
    }

    @Test
    void rejectsAnOverlongSectionSize() {
        byte[] bytes = module().raw(bytes(TYPE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)).build();
        assertMalformed(bytes, "integer representation too long", FIRST_SECTION + 1);
    }

    @Test
    void acceptsAPaddedSectionSize() {
        byte[] content = vec(voidType());
        byte[] bytes = module().raw(bytes(TYPE), Encode.u32Padded(content.length, 5), content).build();
        assertEquals(1, decodes(bytes).types().size());
    }

    @Test
    void rejectsAVectorCountBeyondTheSectionsBytes() {
        // Spec binary.wast: "1 memory declared, 0 given".
        byte[] bytes = module().section(MEMORY, u32(1)).build();
        assertMalformed(bytes, "unexpected end of section or function", bytes.length);
    }

    @Test
    void rejectsATypeWithoutTheFunctionTypeForm() {
        byte[] bytes = module().section(TYPE, vec(bytes(0x61, 0x00, 0x00))).build();
        assertMalformed(bytes, "integer too large", FIRST_SECTION + 3);
    }

    @Test
    void readsTheFunctionTypeFormAsASevenBitIntegerLikeTheReferenceInterpreter() {
        // Spec binary.wast: the form 0xe0 0x7f is -0x20 as a two-byte signed LEB128.
        byte[] bytes = module().raw(bytes(TYPE, 0x05, 0x01, 0xE0, 0x7F, 0x00, 0x00)).build();
        assertMalformed(bytes, "integer representation too long", FIRST_SECTION + 3);
    }

    @Test
    void decodesFunctionTypesOfEveryValueType() {
        int[] all = {0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F};
        byte[] bytes = module().section(TYPE, vec(concat(bytes(0x60), vecOfBytes(all), vecOfBytes(0x7F)))).build();
        assertEquals("[i32, i64, f32, f64, v128, funcref, externref] -> [i32]", decodes(bytes).types().get(0).toString());
    }

    @Test
    void rejectsAnUnknownValueType() {
        byte[] bytes = module().section(TYPE, vec(concat(bytes(0x60), vecOfBytes(0x7A), vecOfBytes()))).build();
        assertMalformed(bytes, "malformed value type", FIRST_SECTION + 5);
    }
}
