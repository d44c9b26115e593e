package dev.nebula.decoder;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.Encode.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared {@link Opcode} table against the spec's opcode lists (spec 5.4): each encoding is
 * used once, every defined byte decodes, and the reserved ones do not.
 */
class OpcodeTableTest {

    /**
     * Vector opcodes that Wasm 2.0 leaves unassigned (spec 5.4.8): 256 sub-opcodes minus these
     * 20 gives the 236 SIMD instructions.
     */
    private static final int[] SIMD_GAPS = {
            0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB,
            0xC2, 0xC5, 0xC6, 0xCF, 0xD0, 0xD2, 0xD3, 0xD4, 0xE2, 0xEE,
    };

    /** Single-byte opcodes of Wasm 2.0 as inclusive ranges (spec 5.4.1-5.4.7). */
    private static final int[][] SINGLE_BYTE_RANGES = {
            {0x00, 0x05}, {0x0B, 0x11}, {0x1A, 0x1C}, {0x20, 0x26}, {0x28, 0xC4}, {0xD0, 0xD2},
    };

    @Test
    void noTwoOpcodesShareAnEncoding() {
        Map<List<Integer>, Opcode> seen = new HashMap<>();
        for (Opcode op : Opcode.values()) {
            Opcode before = seen.put(List.of(op.prefix(), op.code()), op);
            assertNull(before, () -> op + " and " + before + " share an encoding");
        }
    }

    @Test
    void singleByteLookupsReturnExactlyTheSpecsOpcodes() {
        BitSet defined = new BitSet(256);
        for (int[] range : SINGLE_BYTE_RANGES) defined.set(range[0], range[1] + 1);
        for (int b = 0; b < 256; b++) {
            Opcode op = Opcode.single(b);
            if (defined.get(b)) {
                assertNotNull(op, "byte 0x" + Integer.toHexString(b));
                assertEquals(0, op.prefix());
                assertEquals(b, op.code());
            } else {
                assertNull(op, "reserved byte 0x" + Integer.toHexString(b) + " decoded as " + op);
            }
        }
        assertEquals(183, defined.cardinality());
    }

    @Test
    void everyOpcodeIsFoundByItsOwnEncoding() {
        for (Opcode op : Opcode.values()) {
            Opcode found = op.prefix() == 0 ? Opcode.single(op.code()) : Opcode.prefixed(op.prefix(), op.code());
            assertSame(op, found, op.mnemonic());
        }
    }

    @Test
    void theMiscellaneousPrefixHoldsSubOpcodes0To17() {
        for (long code = 0; code <= 17; code++) assertNotNull(Opcode.prefixed(Opcode.PREFIX_FC, code), "0xFC " + code);
        for (long code : new long[]{18, 31, 32, 255, 0xFFFF_FFFFL, -1}) assertNull(Opcode.prefixed(Opcode.PREFIX_FC, code));
        assertEquals(18, Arrays.stream(Opcode.values()).filter(op -> op.prefix() == Opcode.PREFIX_FC).count());
    }

    @Test
    void thereAre236SimdOpcodes() {
        assertEquals(236, Arrays.stream(Opcode.values()).filter(op -> op.prefix() == Opcode.PREFIX_FD).count());
        assertEquals(236, 256 - SIMD_GAPS.length);
    }

    @Test
    void everySimdOpcodeOutsideTheGapsDecodesWithItsImmediates() {
        Set<Integer> gaps = new HashSet<>();
        for (int gap : SIMD_GAPS) gaps.add(gap);
        for (int code = 0; code < 256; code++) {
            byte[] instruction = simdInstruction(code);
            CodeReader reader = new CodeReader(instruction, 0, instruction.length);
            if (gaps.contains(code)) {
                assertMalformed(reader::next, "illegal opcode", 0);
            } else {
                Opcode op = reader.next();
                assertEquals(code, op.code(), op.mnemonic());
                assertEquals(Opcode.PREFIX_FD, op.prefix());
                assertEquals(instruction.length, reader.position(), () -> "immediates of " + op.mnemonic());
            }
        }
        assertNull(Opcode.prefixed(Opcode.PREFIX_FD, 256));
    }

    @Test
    void prefixBytesAreNotInstructionsOnTheirOwn() {
        assertNull(Opcode.single(Opcode.PREFIX_FC));
        assertNull(Opcode.single(Opcode.PREFIX_FD));
    }

    @Test
    void mnemonicsAreUniqueExceptTheTwoEncodingsOfSelect() {
        Map<String, Opcode> byName = new HashMap<>();
        for (Opcode op : Opcode.values()) {
            Opcode before = byName.put(op.mnemonic(), op);
            if (before != null) {
                assertEquals(Set.of(Opcode.SELECT, Opcode.SELECT_T), Set.of(before, op), op.mnemonic());
            }
        }
    }

    @Test
    void memoryInstructionsHaveANaturalAlignmentAndOthersDoNot() {
        for (Opcode op : Opcode.values()) {
            boolean hasMemarg = op.immediate() == Immediate.MEMARG || op.immediate() == Immediate.MEMARG_LANE;
            assertEquals(hasMemarg, op.naturalAlignment() >= 0, op.mnemonic());
        }
        assertEquals(4, Opcode.V128_LOAD.naturalAlignment());
        assertEquals(0, Opcode.I64_STORE8.naturalAlignment());
    }

    @Test
    void laneInstructionsHaveALaneCount() {
        for (Opcode op : Opcode.values()) {
            boolean hasLane = op.immediate() == Immediate.LANE || op.immediate() == Immediate.MEMARG_LANE
                    || op.immediate() == Immediate.SHUFFLE;
            assertEquals(hasLane, op.laneCount() > 0, op.mnemonic());
        }
    }

    @Test
    void fixedSignaturesAreConsistent() {
        assertTrue(Opcode.I32_ADD.hasFixedSignature());
        assertEquals(2, Opcode.I32_ADD.popCount());
        assertEquals(1, Opcode.I32_ADD.pushCount());
        assertEquals(3, Opcode.V128_BITSELECT.popCount());
        assertNull(Opcode.CALL.pops());
        for (Opcode op : Opcode.values()) {
            if (op.hasFixedSignature()) assertEquals(op.popCount(), op.pops().length, op.mnemonic());
        }
    }

    /**
     * 0xFD, the sub-opcode as u32, then well-formed immediates chosen from the spec's list
     * (spec 5.4.8), not from the table under test, so a wrong immediate shape fails here.
     */
    private static byte[] simdInstruction(int code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Opcode.PREFIX_FD);
        out.writeBytes(u32(code));
        if (code <= 0x0B || code == 0x5C || code == 0x5D) {
            out.writeBytes(new byte[]{0x00, 0x00});            // memarg: loads, store, load*_zero
        } else if (code == 0x0C || code == 0x0D) {
            out.writeBytes(new byte[16]);                      // v128.const, i8x16.shuffle
        } else if (code >= 0x15 && code <= 0x22) {
            out.write(0x01);                                   // extract_lane / replace_lane
        } else if (code >= 0x54 && code <= 0x5B) {
            out.writeBytes(new byte[]{0x00, 0x00, 0x01});      // load*_lane / store*_lane
        }
        return out.toByteArray();
    }
}
