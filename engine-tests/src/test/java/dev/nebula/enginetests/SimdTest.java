package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SIMD where it meets the rest of each engine (interpreter: two slots; AOT: two JVM longs) in locals,
 * operands, blocks, calls and globals, and crosses the API as two longs (low half first). The
 * operators themselves are tested against scalar models beside the shared library, and the
 * official simd_*.wast scripts run through the spec harness.
 */
class SimdTest {

    private static final long LO = 0x0706_0504_0302_0100L;
    private static final long HI = 0x0F0E_0D0C_0B0A_0908L;

    @Test
    void aV128ParameterAndResultAreTwoLongsLowFirst() {
        // f(i32 a, v128 v, i64 b) = i32x4.add(v, v) — the scalar parameters around v keep their places.
        Code body = Code.of().get(1).get(1).op(Opcode.I32X4_ADD);
        WasmFunction f = Run.function("ivl", "v", "", body).function("f");
        long[] r = f.call(9, 0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L, 77);
        assertArrayEquals(new long[]{0x0000_0004_0000_0002L, 0x0000_0008_0000_0006L}, r);
    }

    @Test
    void scalarLocalsAfterAV128LocalKeepTheirValues() {
        // locals: v128 (1), i32 (2), v128 (3), i64 (4); param 0 is i32
        Code body = Code.of()
                .get(0).op(Opcode.I32X4_SPLAT).set(1)
                .i32(5).set(2)
                .get(1).get(1).op(Opcode.I32X4_MUL).tee(3).op(Opcode.DROP)
                .i64(-1).set(4)
                .get(3).op(Opcode.I32X4_EXTRACT_LANE, 2).get(2).op(Opcode.I32_ADD)
                .op(Opcode.I64_EXTEND_I32_S).get(4).op(Opcode.I64_ADD);
        WasmFunction f = Run.function("i", "l", "vivl", body).function("f");
        assertEquals(6 * 6 + 5 - 1, f.call(6)[0]);
    }

    @Test
    void v128ValuesFlowThroughBlocksBranchesAndSelect() {
        WasmBuilder b = new WasmBuilder();
        int blockType = b.type("v", "v");
        // f(c, v): block (v) -> (v) gives v xor v = 0 when c, else not(0); r1 = select(that, v, c);
        // r2 = select typed (r1, not v, c)
        Code body = Code.of()
                .get(1)
                .blockType(Opcode.BLOCK, blockType)
                .get(1).op(Opcode.V128_XOR)
                .get(0).op(Opcode.BR_IF, 0)
                .op(Opcode.V128_NOT)
                .end()
                .get(1).get(0).op(Opcode.SELECT)
                .get(1).op(Opcode.V128_NOT).get(0).selectTyped(ValType.V128);
        b.exportFunction("f", b.function(b.type("iv", "v"), body));
        WasmFunction f = Run.instantiate(b.build()).function("f");
        assertArrayEquals(new long[]{0, 0}, f.call(1, LO, HI));
        assertArrayEquals(new long[]{~LO, ~HI}, f.call(0, LO, HI));
    }

    @Test
    void dropOfAV128DropsBothHalves() {
        Code body = Code.of().get(0).op(Opcode.V128_CONST, 1, 2).op(Opcode.DROP);
        assertEquals(42, Run.function("i", "i", "", body).function("f").call(42)[0]);
    }

    @Test
    void v128ArgumentsPassToWasmAndHostCallees() {
        WasmBuilder b = new WasmBuilder();
        int hostType = b.type("vi", "v");
        int host = b.importFunction("env", "swap", hostType);
        int inner = b.function(b.type("ivi", "v"), Code.of().get(1).get(2).call(host));
        b.exportFunction("f", b.function(b.type("v", "v"), Code.of().i32(3).get(0).i32(4).call(inner)));
        Linker linker = new Linker().defineFunction("env", "swap", new FuncType(List.of(ValType.V128, ValType.I32), List.of(ValType.V128)),
                (caller, args) -> new long[]{args[1] + args[2], args[0]});
        Instance i = linker.instantiate(new Store(Run.ENGINE), Run.ENGINE.compile(b.build()));
        assertArrayEquals(new long[]{HI + 4, LO}, i.function("f").call(LO, HI));
    }

    @Test
    void aV128GlobalHoldsAll128Bits() {
        WasmBuilder b = new WasmBuilder();
        int g = b.global(ValType.V128, true, Code.of().op(Opcode.V128_CONST, LO, HI));
        b.exportGlobal("g", g);
        // f() = g := g + g (i64x2); return g
        b.exportFunction("f", b.function(b.type("", "v"),
                Code.of().op(Opcode.GLOBAL_GET, g).op(Opcode.GLOBAL_GET, g).op(Opcode.I64X2_ADD).op(Opcode.GLOBAL_SET, g)
                        .op(Opcode.GLOBAL_GET, g)));
        Instance i = Run.instantiate(b.build());
        assertArrayEquals(new long[]{2 * LO, 2 * HI}, i.function("f").call());
        Global global = (Global) i.exports().get("g");
        assertEquals(2 * LO, global.get());
        assertEquals(2 * HI, global.getHigh());
    }

    @Test
    void loadsAndStoresAreUnalignedAndBoundsChecked() {
        WasmBuilder b = new WasmBuilder().memory(1, 1);
        b.exportMemory("mem");
        // copy(from, to): v128.store to (v128.load from)
        b.exportFunction("copy", b.function(b.type("ii", ""), Code.of().get(1).get(0).mem(Opcode.V128_LOAD, 0).mem(Opcode.V128_STORE, 0)));
        // lane(a): load32_lane 2 into zero, then store8_lane 9 of it at a + 100
        b.exportFunction("lane", b.function(b.type("i", "v"), "v", Code.of()
                .get(0).op(Opcode.V128_CONST, 0, 0).op(Opcode.V128_LOAD32_LANE, 0, 0, 2).set(1)
                .get(0).get(1).op(Opcode.V128_STORE8_LANE, 0, 100, 9).get(1)));
        Instance i = Run.instantiate(b.build());
        Memory mem = (Memory) i.exports().get("mem");
        for (int k = 0; k < 16; k++) mem.writeByte(3 + k, (byte) (k + 1));
        i.function("copy").call(3, 1001);
        for (int k = 0; k < 16; k++) assertEquals(k + 1, mem.readByte(1001 + k));
        // load32_lane 2 puts bytes 1..4 of address 3 into the high half's low lane; byte 9 is 0x02.
        assertArrayEquals(new long[]{0, 0x0403_0201L}, i.function("lane").call(3));
        assertEquals(2, mem.readByte(103));
        Run.assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("copy").call(65536 - 15, 0));
        Run.assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("copy").call(0, 65536 - 15));
        Run.assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("copy").call(-1, 0));
        i.function("copy").call(65536 - 16, 0);
    }

    @Test
    void callIndirectCarriesV128ArgumentsAndResults() {
        WasmBuilder b = new WasmBuilder();
        int vv = b.type("vi", "vi");
        // twice(v, n) = (i64x2.add v v, n + 1), reached through the table
        int twice = b.function(vv, Code.of().get(0).get(0).op(Opcode.I64X2_ADD).get(1).i32(1).op(Opcode.I32_ADD));
        int table = b.table(ValType.FUNCREF, 1, 1);
        b.activeElements(table, 0, twice);
        b.exportFunction("f", b.function(b.type("v", "vi"), Code.of().get(0).i32(7).i32(0).op(Opcode.CALL_INDIRECT, vv, table)));
        assertArrayEquals(new long[]{2 * LO, 2 * HI, 8}, Run.instantiate(b.build()).function("f").call(LO, HI));
    }

    @Test
    void aStoreThatDoesNotFitWritesNothing() {
        WasmBuilder b = new WasmBuilder().memory(1, 1);
        b.exportMemory("mem");
        b.exportFunction("store", b.function(b.type("i", ""), Code.of().get(0).op(Opcode.V128_CONST, -1, -1).mem(Opcode.V128_STORE, 0)));
        Instance i = Run.instantiate(b.build());
        Memory mem = (Memory) i.exports().get("mem");
        Run.assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("store").call(65536 - 8));
        for (int k = 65536 - 8; k < 65536; k++) assertEquals(0, mem.readByte(k), "byte " + k);
    }

    @Test
    void shuffleTakesLanesFromBothOperands() {
        // shuffle with indices 31, 0, 17, 1, ... picks b[15], a[0], b[1], a[1], ...
        long[] lanes = new long[16];
        for (int k = 0; k < 16; k++) lanes[k] = k % 2 == 0 ? 31 - k : k / 2;
        Code body = Code.of().get(0).op(Opcode.V128_CONST, ~LO, ~HI).op(Opcode.I8X16_SHUFFLE, lanes);
        long[] r = Run.function("v", "v", "", body).function("f").call(LO, HI);
        byte[] a = bytes(LO, HI);
        byte[] bb = bytes(~LO, ~HI);
        byte[] out = bytes(r[0], r[1]);
        for (int k = 0; k < 16; k++) {
            int idx = (int) lanes[k];
            assertEquals(idx < 16 ? a[idx] : bb[idx - 16], out[k], "lane " + k);
        }
    }

    @Test
    void extractedF32LanesAreSlotValuesOfF32() {
        // f32x4.extract_lane of a negative float must come out as its bits, not sign-extended.
        Code body = Code.of().f32(-1.5f).op(Opcode.F32X4_SPLAT).op(Opcode.F32X4_EXTRACT_LANE, 3);
        assertEquals(Float.floatToRawIntBits(-1.5f) & 0xFFFF_FFFFL, Run.function("", "f", "", body).function("f").call()[0]);
    }

    private static byte[] bytes(long lo, long hi) {
        byte[] b = new byte[16];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (lo >>> 8 * k);
            b[k + 8] = (byte) (hi >>> 8 * k);
        }
        return b;
    }
}
