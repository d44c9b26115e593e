package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.SegmentMode;
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
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.ModuleBuilder.ELEMENT;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eight element segment encodings (spec 5.5.12). Bit 0 of the flags says passive or
 * declarative, bit 1 an explicit table index (active) or declarative (otherwise), bit 2 that
 * the items are expressions rather than function indices.
 */
class ElementSegmentTest {

    /** Offset of the first segment's flags: header, section id, section size, segment count. */
    private static final int FIRST_SEGMENT = HEADER.length + 3;

    private static final byte[] OFFSET_7 = hex("41 07 0b");
    private static final byte[] REF_FUNC_3 = hex("d2 03 0b");
    private static final byte[] REF_NULL_FUNC = hex("d0 70 0b");
    private static final byte[] REF_NULL_EXTERN = hex("d0 6f 0b");

    @Test
    void encoding0IsActiveOnTable0WithAnOffsetAndFunctionIndices() {
        ElementSegment s = only(concat(u32(0), OFFSET_7, vecOfIndices(1, 2)));
        assertActive(s, 0, ValType.FUNCREF);
        assertArrayEquals(OFFSET_7, bytesOf(s.offset()));
        assertArrayEquals(new int[]{1, 2}, s.functionIndices());
        assertNull(s.expressions());
    }

    @Test
    void encoding1IsPassiveWithAnElementKindAndFunctionIndices() {
        ElementSegment s = only(concat(u32(1), bytes(0x00), vecOfIndices(4)));
        assertPassiveOrDeclarative(s, SegmentMode.PASSIVE, ValType.FUNCREF);
        assertArrayEquals(new int[]{4}, s.functionIndices());
    }

    @Test
    void encoding2IsActiveOnAnExplicitTable() {
        ElementSegment s = only(concat(u32(2), u32(300), OFFSET_7, bytes(0x00), vecOfIndices(5, 6, 7)));
        assertActive(s, 300, ValType.FUNCREF);
        assertArrayEquals(OFFSET_7, bytesOf(s.offset()));
        assertArrayEquals(new int[]{5, 6, 7}, s.functionIndices());
    }

    @Test
    void encoding3IsDeclarativeWithFunctionIndices() {
        ElementSegment s = only(concat(u32(3), bytes(0x00), vecOfIndices(9)));
        assertPassiveOrDeclarative(s, SegmentMode.DECLARATIVE, ValType.FUNCREF);
        assertArrayEquals(new int[]{9}, s.functionIndices());
    }

    @Test
    void encoding4IsActiveOnTable0WithExpressions() {
        ElementSegment s = only(concat(u32(4), OFFSET_7, vec(REF_FUNC_3, REF_NULL_FUNC)));
        assertActive(s, 0, ValType.FUNCREF);
        assertExpressions(s, REF_FUNC_3, REF_NULL_FUNC);
    }

    @Test
    void encoding5IsPassiveWithAReferenceTypeAndExpressions() {
        ElementSegment s = only(concat(u32(5), bytes(0x6F), vec(REF_NULL_EXTERN)));
        assertPassiveOrDeclarative(s, SegmentMode.PASSIVE, ValType.EXTERNREF);
        assertExpressions(s, REF_NULL_EXTERN);
    }

    @Test
    void encoding6IsActiveOnAnExplicitTableWithExpressions() {
        ElementSegment s = only(concat(u32(6), u32(2), OFFSET_7, bytes(0x70), vec(REF_FUNC_3)));
        assertActive(s, 2, ValType.FUNCREF);
        assertArrayEquals(OFFSET_7, bytesOf(s.offset()));
        assertExpressions(s, REF_FUNC_3);
    }

    @Test
    void encoding7IsDeclarativeWithExpressions() {
        ElementSegment s = only(concat(u32(7), bytes(0x70), vec(REF_FUNC_3)));
        assertPassiveOrDeclarative(s, SegmentMode.DECLARATIVE, ValType.FUNCREF);
        assertExpressions(s, REF_FUNC_3);
    }

    @Test
    void keepsTheEncodingItWasReadFrom() {
        for (int flags = 0; flags < 8; flags++) {
            byte[] segment = switch (flags) {
                case 0 -> concat(u32(0), OFFSET_7, vecOfIndices());
                case 1, 3 -> concat(u32(flags), bytes(0x00), vecOfIndices());
                case 2 -> concat(u32(2), u32(0), OFFSET_7, bytes(0x00), vecOfIndices());
                case 4 -> concat(u32(4), OFFSET_7, vec());
                case 6 -> concat(u32(6), u32(0), OFFSET_7, bytes(0x70), vec());
                default -> concat(u32(flags), bytes(0x70), vec());
            };
            ElementSegment s = only(segment);
            assertEquals(flags, s.encoding());
            assertEquals(0, s.size());
        }
    }

    @Test
    void acceptsPaddedFlags() {
        assertEquals(SegmentMode.PASSIVE, only(concat(hex("81 80 80 80 00"), bytes(0x00), vecOfIndices())).mode());
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(longs = {8, 9, 0x7F, 0xFFFF_FFFFL})
    void rejectsFlagsAbove7(long flags) {
        byte[] bytes = module().section(ELEMENT, vec(concat(u32(flags), OFFSET_7, vecOfIndices()))).build();
        assertMalformed(bytes, "malformed elements segment kind", FIRST_SEGMENT);
    }

    @Test
    void rejectsAnElementKindOtherThanFunctionReferences() {
        byte[] bytes = module().section(ELEMENT, vec(concat(u32(1), bytes(0x01), vecOfIndices()))).build();
        assertMalformed(bytes, "malformed element kind", FIRST_SEGMENT + 1);
    }

    @Test
    void rejectsANumericTypeWhereAReferenceTypeBelongs() {
        byte[] bytes = module().section(ELEMENT, vec(concat(u32(5), bytes(0x7F), vec()))).build();
        assertMalformed(bytes, "malformed reference type", FIRST_SEGMENT + 1);
    }

    @Test
    void rejectsAnOffsetExpressionWithoutEnd() {
        byte[] bytes = module().section(ELEMENT, vec(concat(u32(0), hex("41 07")))).build();
        assertMalformed(bytes, "unexpected end", bytes.length);
    }

    /** The module this test decoded (JUnit makes one instance per test); expressions point into its bytes. */
    private DecodedModule decoded;

    private ElementSegment only(byte[] segment) {
        decoded = decodes(module().section(ELEMENT, vec(segment)).build());
        assertEquals(1, decoded.elements().size());
        return decoded.elements().get(0);
    }

    private byte[] bytesOf(Expression e) {
        return Arrays.copyOfRange(decoded.bytesUnsafe(), e.start(), e.end());
    }

    private static void assertActive(ElementSegment s, int table, ValType type) {
        assertEquals(SegmentMode.ACTIVE, s.mode());
        assertEquals(table, s.tableIndex());
        assertEquals(type, s.type());
    }

    private static void assertPassiveOrDeclarative(ElementSegment s, SegmentMode mode, ValType type) {
        assertEquals(mode, s.mode());
        assertEquals(type, s.type());
        assertNull(s.offset());
    }

    private void assertExpressions(ElementSegment s, byte[]... expected) {
        assertFalse(s.hasFunctionIndices());
        assertNull(s.functionIndices());
        assertEquals(expected.length, s.size());
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], bytesOf(s.expressions().get(i)), "item " + i);
        assertTrue(s.expressions().stream().allMatch(e -> e.end() > e.start()));
    }

    private static byte[] vecOfIndices(int... indices) {
        byte[][] items = new byte[indices.length][];
        for (int i = 0; i < indices.length; i++) items[i] = u32(indices[i]);
        return vec(items);
    }
}
