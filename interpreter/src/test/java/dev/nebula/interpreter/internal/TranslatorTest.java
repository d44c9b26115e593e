package dev.nebula.interpreter.internal;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.validator.ModuleValidator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shape of translated code: what the register-style rewrite and the fusions make of common patterns. */
class TranslatorTest {

    private static String translate(String params, String results, String locals, Code body) {
        WasmBuilder b = new WasmBuilder();
        b.function(b.type(params, results), locals, body);
        return Disassembler.disassemble(ModuleValidator.validate(ModuleDecoder.decode(b.build())), 0);
    }

    @Test
    void localGetAndConstantsFoldIntoTheInstructionAndItsResultGoesStraightToTheLocal() {
        // x = x + 1; return x  (slot 0 is x; slot 1 the first operand slot)
        String code = translate("i", "i", "", Code.of().get(0).i32(1).op(Opcode.I32_ADD).set(0).get(0));
        assertEquals("0: i32.add_i 0 0 1\n4: return\n", code);
    }

    @Test
    void compareFusesWithTheBranchAndTheLoopBranchIsAJump() {
        // loop: x = x - 1; br_if (x > 0)
        Code body = Code.of().block(Opcode.LOOP)
                .get(0).i32(1).op(Opcode.I32_SUB).tee(0)
                .i32(0).op(Opcode.I32_GT_S).op(Opcode.BR_IF, 0)
                .end();
        assertEquals("0: i32.add_i 0 0 -1\n4: br.i32.gt_s_i 0 0 loop:0\n8: return\n", translate("i", "", "", body));
    }

    @Test
    void ifBranchesOnTheNegatedComparison() {
        Code body = Code.of().get(0).get(1).op(Opcode.I32_LT_U)
                .block(Opcode.IF, ValType.I32).i32(7).op(Opcode.ELSE).i32(8).end();
        assertEquals("""
                0: br.i32.ge_u 0 1 9
                4: const32 2 7
                7: jump 12
                9: const32 2 8
                12: return1 2
                """, translate("ii", "i", "", body));
    }

    @Test
    void aV128TakesTwoSlotsAndItsResultGoesStraightToTheLocal() {
        // params i32 (slot 0), v128 (slots 1-2); local v128 (slots 3-4): l = v + l
        String code = translate("iv", "", "v", Code.of().get(1).get(2).op(Opcode.I32X4_ADD).set(2));
        assertEquals("0: i32x4.add 3 1 3\n4: return\n", code);
    }

    @Test
    void constantShiftCountsAndByteRotatingShufflesBecomeImmediates() {
        // (v << 7) then rot16 of it (shuffle 2 3 0 1 per i32 lane); the result is copied to slots 0-1.
        long[] rot16 = {2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13};
        Code body = Code.of().get(0).i32(39).op(Opcode.I32X4_SHL).tee(0).get(0).op(Opcode.I8X16_SHUFFLE, rot16);
        assertEquals("""
                0: i32x4.shl_i 0 0 7
                4: i32x4.rotr_i 2 0 16
                8: copy2 0 2 1 3
                13: return
                """, translate("v", "v", "", body));
    }

    @Test
    void addOfAConstantFoldsIntoAV128Load() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, -1);
        b.function(b.type("i", "v"), Code.of().get(0).i32(8).op(Opcode.I32_ADD).mem(Opcode.V128_LOAD, 4));
        String code = Disassembler.disassemble(ModuleValidator.validate(ModuleDecoder.decode(b.build())), 0);
        assertEquals("0: v128.load 1 0 8 4\n5: copy2 0 1 1 2\n10: return\n", code);
    }

    @Test
    void addOfAConstantFoldsIntoTheLoad() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, -1);
        b.function(b.type("i", "i"), Code.of().get(0).i32(8).op(Opcode.I32_ADD).mem(Opcode.I32_LOAD, 4));
        String code = Disassembler.disassemble(ModuleValidator.validate(ModuleDecoder.decode(b.build())), 0);
        assertEquals("0: i32.load 1 0 8 4\n5: return1 1\n", code);
    }

    @Test
    void aLocalIsCopiedBeforeItIsOverwrittenWhileStillOnTheStack() {
        // (local.get 0) (local.set 0 (i32.const 5)) leaves the old value on the stack
        Code body = Code.of().get(0).i32(5).set(0).get(0).op(Opcode.I32_ADD);
        assertEquals("0: copy 1 0\n3: const32 0 5\n6: i32.add 1 1 0\n10: return1 1\n", translate("i", "i", "", body));
    }
}
