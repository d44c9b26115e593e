package dev.nebula.decoder;

import dev.nebula.decoder.testkit.Search;
import org.junit.jupiter.api.Test;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.bytesWithLength;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA_COUNT;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.TYPE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static dev.nebula.decoder.testkit.ModuleBuilder.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The data count section (spec 5.5.15): it must match the data section's length, and code that
 * names data segments (memory.init, data.drop) needs it, since code precedes the data section.
 */
class DataCountTest {

    private static final byte[] MEMORY_INIT = hex("41 00 41 00 41 00 fc 08 00 00");
    private static final byte[] DATA_DROP = hex("fc 09 00");
    private static final byte[] ONE_PASSIVE_SEGMENT = vec(concat(u32(1), bytesWithLength(hex("2a"))));

    @Test
    void acceptsMemoryInitAndDataDropWithTheSection() {
        byte[] bytes = moduleWithCode(true, concat(MEMORY_INIT, DATA_DROP), ONE_PASSIVE_SEGMENT);
        assertEquals(1, decodes(bytes).dataCount());
    }

    @Test
    void requiresTheSectionForMemoryInit() {
        byte[] bytes = moduleWithCode(false, MEMORY_INIT, ONE_PASSIVE_SEGMENT);
        assertMalformed(bytes, "data count section required", Search.indexOfOnly(bytes, hex("fc 08")));
    }

    @Test
    void requiresTheSectionForDataDrop() {
        byte[] bytes = moduleWithCode(false, DATA_DROP, ONE_PASSIVE_SEGMENT);
        assertMalformed(bytes, "data count section required", Search.indexOfOnly(bytes, DATA_DROP));
    }

    @Test
    void reportsTheFirstInstructionThatNeedsTheSection() {
        byte[] bytes = moduleWithCode(false, concat(DATA_DROP, MEMORY_INIT), ONE_PASSIVE_SEGMENT);
        assertMalformed(bytes, "data count section required", Search.indexOfOnly(bytes, DATA_DROP));
    }

    @Test
    void leavesASegmentIndexWithoutAnyDataSectionToValidation() {
        // memory_init.wast expects "unknown data segment" (invalid), not malformed, for this case.
        byte[] bytes = moduleWithCode(false, DATA_DROP, null);
        assertEquals(-1, decodes(bytes).dataCount());
    }

    @Test
    void rejectsACountLargerThanTheDataSection() {
        byte[] bytes = module().section(DATA_COUNT, u32(2)).section(DATA, ONE_PASSIVE_SEGMENT).build();
        assertMalformed(bytes, "data count and data section have inconsistent lengths", bytes.length);
    }

    @Test
    void rejectsACountSmallerThanTheDataSection() {
        byte[] bytes = module().section(DATA_COUNT, u32(0)).section(DATA, ONE_PASSIVE_SEGMENT).build();
        assertMalformed(bytes, "data count and data section have inconsistent lengths", bytes.length);
    }

    @Test
    void rejectsANonZeroCountWithoutADataSection() {
        byte[] bytes = module().section(DATA_COUNT, u32(1)).build();
        assertMalformed(bytes, "data count and data section have inconsistent lengths", bytes.length);
    }

    @Test
    void acceptsACountOfZeroWithoutADataSection() {
        assertEquals(0, decodes(module().section(DATA_COUNT, u32(0)).build()).dataCount());
    }

    @Test
    void rejectsExtraBytesInTheSection() {
        byte[] bytes = module().section(DATA_COUNT, u32(0), bytes(0x00)).build();
        assertMalformed(bytes, "section size mismatch", HEADER.length + 2);
    }

    /** One function running {@code code}; a data count section of 1 if asked; data if given. */
    private static byte[] moduleWithCode(boolean withDataCount, byte[] code, byte[] dataSection) {
        var builder = module()
                .section(TYPE, vec(voidType()))
                .section(FUNCTION, vecOfBytes(0))
                .section(MEMORY, vec(bytes(0x00, 0x01)));
        if (withDataCount) builder.section(DATA_COUNT, u32(1));
        builder.section(CODE, vec(body(u32(0), concat(code, bytes(0x0B)))));
        if (dataSection != null) builder.section(DATA, dataSection);
        return builder.build();
    }
}
