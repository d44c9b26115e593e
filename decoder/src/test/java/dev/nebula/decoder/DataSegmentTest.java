package dev.nebula.decoder;

import dev.nebula.decoder.model.DataSegment;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.SegmentMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytesWithLength;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.ModuleBuilder.DATA;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The three data segment encodings (spec 5.5.14): active on memory 0, passive, active on memory x. */
class DataSegmentTest {

    private static final int FIRST_SEGMENT = HEADER.length + 3;
    private static final byte[] OFFSET_16 = hex("41 10 0b");
    private static final byte[] PAYLOAD = hex("de ad be ef");

    private DecodedModule decoded;

    @Test
    void encoding0IsActiveOnMemory0() {
        DataSegment s = only(concat(u32(0), OFFSET_16, bytesWithLength(PAYLOAD)));
        assertEquals(SegmentMode.ACTIVE, s.mode());
        assertEquals(0, s.memoryIndex());
        assertArrayEquals(OFFSET_16, range(s.offset().start(), s.offset().end()));
        assertArrayEquals(PAYLOAD, payloadOf(s));
    }

    @Test
    void encoding1IsPassive() {
        DataSegment s = only(concat(u32(1), bytesWithLength(PAYLOAD)));
        assertEquals(SegmentMode.PASSIVE, s.mode());
        assertNull(s.offset());
        assertArrayEquals(PAYLOAD, payloadOf(s));
    }

    @Test
    void encoding2IsActiveOnAnExplicitMemory() {
        DataSegment s = only(concat(u32(2), u32(200), OFFSET_16, bytesWithLength(PAYLOAD)));
        assertEquals(SegmentMode.ACTIVE, s.mode());
        assertEquals(200, s.memoryIndex());
        assertArrayEquals(OFFSET_16, range(s.offset().start(), s.offset().end()));
        assertArrayEquals(PAYLOAD, payloadOf(s));
    }

    @Test
    void acceptsAnEmptyPayload() {
        DataSegment s = only(concat(u32(1), bytesWithLength(new byte[0])));
        assertEquals(0, s.dataLength());
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(longs = {3, 4, 0x7F, 0xFFFF_FFFFL})
    void rejectsFlagsAbove2(long flags) {
        byte[] bytes = module().section(DATA, vec(concat(u32(flags), OFFSET_16, bytesWithLength(PAYLOAD)))).build();
        assertMalformed(bytes, "malformed data segment kind", FIRST_SEGMENT);
    }

    @Test
    void rejectsAPayloadLongerThanWhatFollows() {
        // Spec binary.wast: "data segment has 7 bytes declared, but 6 bytes given".
        byte[] bytes = module().section(DATA, vec(concat(u32(1), u32(7), hex("61 62 63 64 65 66")))).build();
        assertMalformed(bytes, "unexpected end of section or function", bytes.length);
    }

    @Test
    void rejectsASecondSegmentThatIsMissing() {
        // Spec binary.wast: "2 data segment declared, 1 given".
        byte[] bytes = module().section(DATA, u32(2), concat(u32(1), bytesWithLength(PAYLOAD))).build();
        assertMalformed(bytes, "unexpected end of section or function", bytes.length);
    }

    private DataSegment only(byte[] segment) {
        decoded = decodes(module().section(DATA, vec(segment)).build());
        assertEquals(1, decoded.data().size());
        return decoded.data().get(0);
    }

    private byte[] payloadOf(DataSegment s) {
        return range(s.dataStart(), s.dataStart() + s.dataLength());
    }

    private byte[] range(int from, int to) {
        return Arrays.copyOfRange(decoded.bytesUnsafe(), from, to);
    }
}
