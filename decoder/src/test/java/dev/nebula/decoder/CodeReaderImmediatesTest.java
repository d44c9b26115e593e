package dev.nebula.decoder;

import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Map;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.Encode.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CodeReader} decodes each {@link Immediate} shape (spec 5.4) into its fields. Each test
 * reads one instruction and checks that it consumed exactly its bytes.
 */
class CodeReaderImmediatesTest {

    @Test
    void none() {
        CodeReader r = readOne("6a");
        assertEquals(Opcode.I32_ADD, r.opcode());
        assertEquals(Immediate.NONE, r.opcode().immediate());
    }

    @Test
    void blockTypeEmpty() {
        assertEquals(CodeReader.BLOCK_EMPTY, readOne("02 40").blockType());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"7f, I32", "7e, I64", "7d, F32", "7c, F64", "7b, V128", "70, FUNCREF", "6f, EXTERNREF"})
    void blockTypeOfOneValue(String type, ValType expected) {
        CodeReader r = readOne("03 " + type);
        assertEquals(CodeReader.BLOCK_VALUE, r.blockType());
        assertEquals(expected, r.blockValueType());
    }

    @ParameterizedTest(name = "{0} -> type {1}")
    @CsvSource({
            "00,             0",
            "05,             5",
            "3f,             63",
            "80 01,          128",
            "80 80 80 80 00, 0",
            // indices past int range saturate; validation then reports an unknown type
            "ff ff ff ff 0f, 2147483647",
    })
    void blockTypeIndexIsAPositiveS33(String index, int expected) {
        assertEquals(expected, readOne("04 " + index).blockType());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"7a", "41", "60", "80 80 80 80 70"})
    void blockTypeRejectsNegativeIndicesThatAreNoValueType(String blockType) {
        assertMalformed(() -> reader("02 " + blockType).next(), "malformed block type", 1);
    }

    @Test
    void label() {
        CodeReader r = readOne("0c 03");
        assertEquals(Opcode.BR, r.opcode());
        assertEquals(3, r.index());
    }

    @Test
    void labelTable() {
        CodeReader r = readOne("0e 02 01 82 01 00");
        assertEquals(2, r.labelCount());
        assertEquals(1, r.label(0));
        assertEquals(130, r.label(1));
        assertEquals(0, r.label(2));
        assertArrayEquals(new int[]{1, 130, 0}, r.labelsCopy());
    }

    @Test
    void labelTableGrowsForLongTables() {
        StringBuilder code = new StringBuilder("0e 14");
        for (int i = 0; i <= 20; i++) code.append(String.format(" %02x", i));
        CodeReader r = readOne(code.toString());
        assertEquals(20, r.labelCount());
        assertEquals(20, r.label(20));
    }

    @Test
    void labelTableRejectsACountBeyondTheInput() {
        assertMalformed(() -> reader("0e ff ff ff ff 0f").next(), "unexpected end of section or function", 6);
    }

    @Test
    void function() {
        CodeReader r = readOne("10 ac 02");
        assertEquals(Opcode.CALL, r.opcode());
        assertEquals(300, r.index());
    }

    @Test
    void callIndirectReadsTypeThenTable() {
        CodeReader r = readOne("11 02 01");
        assertEquals(2, r.index());
        assertEquals(1, r.secondIndex());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"20 05, LOCAL_GET", "24 07, GLOBAL_SET", "25 01, TABLE_GET", "d2 09, REF_FUNC", "fc 10 03, TABLE_SIZE"})
    void singleIndex(String bytes, Opcode expected) {
        CodeReader r = readOne(bytes);
        assertEquals(expected, r.opcode());
        assertEquals(Integer.parseInt(bytes.substring(bytes.length() - 2), 16), r.index());
    }

    @Test
    void memarg() {
        CodeReader r = readOne("28 02 ff ff ff ff 0f");
        assertEquals(Opcode.I32_LOAD, r.opcode());
        assertEquals(2, r.alignment());
        assertEquals(0xFFFF_FFFFL, r.offset());
    }

    @Test
    void memargKeepsAnAlignmentTooLargeForValidationToReject() {
        assertEquals(31, readOne("36 1f 00").alignment());
    }

    @Test
    void memargLane() {
        CodeReader r = readOne("fd 54 00 08 0f");
        assertEquals(Opcode.V128_LOAD8_LANE, r.opcode());
        assertEquals(0, r.alignment());
        assertEquals(8, r.offset());
        assertEquals(15, r.lane());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3f 00, MEMORY_SIZE", "40 00, MEMORY_GROW", "fc 0b 00, MEMORY_FILL"})
    void memoryIndexIsTheReservedZeroByte(String bytes, Opcode expected) {
        CodeReader r = readOne(bytes);
        assertEquals(expected, r.opcode());
        assertEquals(0, r.index());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3f 01, 1", "40 80 00, 1", "fc 0b 01, 2", "fc 0a 00 01, 3", "fc 0a 01 00, 2", "fc 08 00 01, 3"})
    void reservedMemoryByteMustBeZero(String bytes, int offset) {
        assertMalformed(() -> reader(bytes).next(), "zero byte expected", offset);
    }

    @Test
    void memoryInitReadsTheDataIndexThenTheZeroByte() {
        CodeReader r = readOne("fc 08 03 00");
        assertEquals(Opcode.MEMORY_INIT, r.opcode());
        assertEquals(3, r.index());
        assertEquals(0, r.secondIndex());
        assertEquals(0, r.firstDataInstruction());
    }

    @Test
    void memoryCopy() {
        CodeReader r = readOne("fc 0a 00 00");
        assertEquals(Opcode.MEMORY_COPY, r.opcode());
    }

    @Test
    void dataDropRecordsWhereTheFirstDataInstructionIs() {
        CodeReader r = reader("01 fc 09 04 fc 09 05");
        r.next();
        assertEquals(-1, r.firstDataInstruction());
        r.next();
        assertEquals(4, r.index());
        r.next();
        assertEquals(1, r.firstDataInstruction());
    }

    @Test
    void elemDrop() {
        CodeReader r = readOne("fc 0d 07");
        assertEquals(Opcode.ELEM_DROP, r.opcode());
        assertEquals(7, r.index());
    }

    @Test
    void tableInitReadsTheSegmentThenTheTable() {
        CodeReader r = readOne("fc 0c 01 02");
        assertEquals(Opcode.TABLE_INIT, r.opcode());
        assertEquals(1, r.index());
        assertEquals(2, r.secondIndex());
    }

    @Test
    void tableCopyReadsDestinationThenSource() {
        CodeReader r = readOne("fc 0e 03 04");
        assertEquals(3, r.index());
        assertEquals(4, r.secondIndex());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"41 7f, -1", "41 80 80 80 80 78, -2147483648", "41 ff ff ff ff 07, 2147483647", "41 c0 00, 64"})
    void i32ConstIsSignExtended(String bytes, long expected) {
        assertEquals(expected, readOne(bytes).value());
    }

    @Test
    void i64Const() {
        assertEquals(Long.MIN_VALUE, readOne("42 80 80 80 80 80 80 80 80 80 7f").value());
    }

    @Test
    void f32ConstKeepsTheBitsOfANan() {
        assertEquals(0x7FC0_0001L, readOne("43 01 00 c0 7f").value());
    }

    @Test
    void f64ConstKeepsTheBits() {
        assertEquals(0xFFF0_0000_0000_0001L, readOne("44 01 00 00 00 00 00 f0 ff").value());
    }

    @Test
    void v128ConstIsTwoLittleEndianHalves() {
        CodeReader r = readOne("fd 0c 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
        assertEquals(Opcode.V128_CONST, r.opcode());
        assertEquals(0x0706050403020100L, r.v128Low());
        assertEquals(0x0F0E0D0C0B0A0908L, r.v128High());
    }

    @Test
    void lane() {
        CodeReader r = readOne("fd 15 0f");
        assertEquals(Opcode.I8X16_EXTRACT_LANE_S, r.opcode());
        assertEquals(15, r.lane());
    }

    @Test
    void laneKeepsAnIndexTooLargeForValidationToReject() {
        assertEquals(255, readOne("fd 1d ff").lane());
    }

    @Test
    void shuffle() {
        CodeReader r = readOne("fd 0d 1f 1e 1d 1c 1b 1a 19 18 07 06 05 04 03 02 01 00");
        assertEquals(Opcode.I8X16_SHUFFLE, r.opcode());
        assertArrayEquals(hex("1f 1e 1d 1c 1b 1a 19 18 07 06 05 04 03 02 01 00"), r.shuffleLanes());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"d0 70, FUNCREF", "d0 6f, EXTERNREF"})
    void refType(String bytes, ValType expected) {
        assertEquals(expected, readOne(bytes).referenceTypeImmediate());
    }

    @Test
    void refTypeRejectsANumericType() {
        assertMalformed(() -> reader("d0 7f").next(), "malformed reference type", 1);
    }

    @Test
    void selectTypes() {
        CodeReader r = readOne("1c 01 7b");
        assertEquals(Opcode.SELECT_T, r.opcode());
        assertEquals(1, r.selectTypeCount());
        assertEquals(ValType.V128, r.selectType(0));
    }

    @Test
    void selectTypesRejectsAnUnknownType() {
        assertMalformed(() -> reader("1c 01 7a").next(), "malformed value type", 2);
    }

    @Test
    void prefixedSubOpcodesAreU32AndMayBePadded() {
        assertEquals(Opcode.I32_TRUNC_SAT_F32_S, readOne("fc 80 00").opcode());
        assertEquals(Opcode.I8X16_SWIZZLE, readOne("fd 8e 80 80 80 00").opcode());
        assertEquals(Opcode.F64X2_CONVERT_LOW_I32X4_U, readOne("fd ff 01").opcode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"06", "12", "27", "c5", "d3", "ff", "fc 12", "fc ff ff ff ff 0f", "fd 9a 01", "fd 80 02"})
    void rejectsIllegalOpcodesAtTheInstructionStart(String bytes) {
        CodeReader r = reader("01 " + bytes);
        r.next();
        assertMalformed(r::next, "illegal opcode", 1);
    }

    @Test
    void rejectsAnOverlongSubOpcode() {
        assertMalformed(() -> reader("fc 80 80 80 80 80 00").next(), "integer representation too long", 1);
    }

    @Test
    void reportsTheEndOfTheFunctionInsideAnImmediate() {
        assertMalformed(() -> reader("44 00 00 00").next(), "unexpected end of section or function", 4);
    }

    @Test
    void walksASequenceTrackingEachInstructionsStart() {
        CodeReader r = reader("41 2a 20 00 6a 0b");
        int[] starts = new int[4];
        Opcode[] ops = new Opcode[4];
        for (int i = 0; i < 4; i++) {
            ops[i] = r.next();
            starts[i] = r.instructionStart();
        }
        assertArrayEquals(new Opcode[]{Opcode.I32_CONST, Opcode.LOCAL_GET, Opcode.I32_ADD, Opcode.END}, ops);
        assertArrayEquals(new int[]{0, 2, 4, 5}, starts);
        assertEquals(6, r.position());
    }

    /** A sample of every shape, so that a shape added to {@link Immediate} without a test fails here. */
    private static final Map<Immediate, String> SAMPLE_OF_EACH_SHAPE = Map.ofEntries(
            Map.entry(Immediate.NONE, "6a"),
            Map.entry(Immediate.BLOCK_TYPE, "02 40"),
            Map.entry(Immediate.LABEL, "0c 00"),
            Map.entry(Immediate.LABEL_TABLE, "0e 00 00"),
            Map.entry(Immediate.FUNCTION, "10 00"),
            Map.entry(Immediate.CALL_INDIRECT, "11 00 00"),
            Map.entry(Immediate.LOCAL, "20 00"),
            Map.entry(Immediate.GLOBAL, "23 00"),
            Map.entry(Immediate.TABLE, "25 00"),
            Map.entry(Immediate.MEMARG, "28 02 00"),
            Map.entry(Immediate.MEMARG_LANE, "fd 54 00 00 00"),
            Map.entry(Immediate.MEMORY, "3f 00"),
            Map.entry(Immediate.MEMORY_INIT, "fc 08 00 00"),
            Map.entry(Immediate.MEMORY_COPY, "fc 0a 00 00"),
            Map.entry(Immediate.DATA, "fc 09 00"),
            Map.entry(Immediate.ELEM, "fc 0d 00"),
            Map.entry(Immediate.TABLE_INIT, "fc 0c 00 00"),
            Map.entry(Immediate.TABLE_COPY, "fc 0e 00 00"),
            Map.entry(Immediate.I32, "41 00"),
            Map.entry(Immediate.I64, "42 00"),
            Map.entry(Immediate.F32, "43 00 00 00 00"),
            Map.entry(Immediate.F64, "44 00 00 00 00 00 00 00 00"),
            Map.entry(Immediate.V128, "fd 0c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
            Map.entry(Immediate.LANE, "fd 15 00"),
            Map.entry(Immediate.SHUFFLE, "fd 0d 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
            Map.entry(Immediate.REF_TYPE, "d0 70"),
            Map.entry(Immediate.SELECT_TYPES, "1c 01 7f"));

    @Test
    void everyImmediateShapeHasASampleThatReadsWithThatShape() {
        assertEquals(EnumSet.allOf(Immediate.class), EnumSet.copyOf(SAMPLE_OF_EACH_SHAPE.keySet()));
        SAMPLE_OF_EACH_SHAPE.forEach((shape, bytes) -> assertEquals(shape, readOne(bytes).opcode().immediate(), bytes));
    }

    /** Reads one instruction that must span all of {@code bytes}. */
    private static CodeReader readOne(String bytes) {
        CodeReader r = reader(bytes);
        r.next();
        assertEquals(hex(bytes).length, r.position(), "bytes consumed by " + r.opcode());
        return r;
    }

    private static CodeReader reader(String bytes) {
        byte[] b = hex(bytes);
        return new CodeReader(b, 0, b.length);
    }
}
