package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Blocks, loops, if/else, br/br_if/br_table with values, multi-value, select and globals (spec 4.4.1-4.4.5, 4.4.8). */
class ControlTest {

    @Test
    void brTableTakesTheIndexedLabelOrTheDefault() {
        // (block (block (block (br_table 0 1 2 (local.get 0))) (return 100)) (return 101)) 102
        Code body = Code.of()
                .block(Opcode.BLOCK).block(Opcode.BLOCK).block(Opcode.BLOCK)
                .get(0).brTable(2, 0, 1)
                .end().i32(100).op(Opcode.RETURN)
                .end().i32(101).op(Opcode.RETURN)
                .end().i32(102);
        WasmFunction f = Run.function("i", "i", "", body).function("f");
        assertEquals(100, f.call(0)[0]);
        assertEquals(101, f.call(1)[0]);
        assertEquals(102, f.call(2)[0]);
        assertEquals(102, f.call(-1)[0]);
    }

    @Test
    void brTableCarriesValuesToLabelsAtDifferentHeights() {
        // (block (result i32) (i32.const 7) (block (result i32) (i32.const 1) (i32.const 2) (local.get 0)
        //    (br_table 0 1 1)) (i32.add)) → index 0: 7 + 2; else the outer block gets 2.
        Code body = Code.of()
                .block(Opcode.BLOCK, ValType.I32).i32(7)
                .block(Opcode.BLOCK, ValType.I32).i32(1).i32(2).get(0).brTable(1, 0, 1)
                .end().op(Opcode.I32_ADD)
                .end();
        WasmFunction f = Run.function("i", "i", "", body).function("f");
        assertEquals(9, f.call(0)[0]);
        assertEquals(2, f.call(1)[0]);
        assertEquals(2, f.call(5)[0]);
    }

    @Test
    void brTableToTheFunctionLabelReturns() {
        // (block (result i32) (i32.const 40) (br_table 1 0 (local.get 0))) drop (i32.const 41)
        Code body = Code.of().block(Opcode.BLOCK, ValType.I32).i32(40).get(0).brTable(0, 1).end().op(Opcode.DROP).i32(41);
        WasmFunction f = Run.function("i", "i", "", body).function("f");
        assertEquals(40, f.call(0)[0]);
        assertEquals(41, f.call(1)[0]);
    }

    @Test
    void loopSumsWithBrIf() {
        // sum = 0; do { sum += n; n -= 1 } while (n != 0)
        Code body = Code.of()
                .block(Opcode.LOOP)
                .get(1).get(0).op(Opcode.I32_ADD).set(1)
                .get(0).i32(1).op(Opcode.I32_SUB).tee(0)
                .op(Opcode.BR_IF, 0)
                .end().get(1);
        assertEquals(5050, Run.function("i", "i", "i", body).function("f").call(100)[0]);
    }

    @Test
    void fusedComparisonsBranchBothWays() {
        // if (a < b) unsigned then 1 else 0, through a compare fused into the if
        for (Opcode cmp : new Opcode[] {Opcode.I32_LT_U, Opcode.I32_GE_S, Opcode.I32_EQ, Opcode.I32_NE, Opcode.I32_GT_U, Opcode.I32_LE_S}) {
            Code body = Code.of().get(0).get(1).op(cmp).block(Opcode.IF, ValType.I32).i32(1).op(Opcode.ELSE).i32(0).end();
            WasmFunction f = Run.function("ii", "i", "", body).function("f");
            Code viaBrIf = Code.of().block(Opcode.BLOCK, ValType.I32).i32(1).get(0).get(1).op(cmp).op(Opcode.BR_IF, 0)
                    .op(Opcode.DROP).i32(0).end();
            WasmFunction g = Run.function("ii", "i", "", viaBrIf).function("f");
            int[][] pairs = {{1, 2}, {2, 1}, {-1, 1}, {1, -1}, {3, 3}};
            for (int[] p : pairs) {
                long expected = Run.i32(cmp, p[0], p[1]);
                assertEquals(expected, f.call(p[0], p[1])[0], cmp + " " + p[0] + " " + p[1]);
                assertEquals(expected, g.call(p[0], p[1])[0], cmp + " " + p[0] + " " + p[1]);
            }
        }
    }

    @Test
    void multiValueBlocksCallsAndReturns() {
        WasmBuilder b = new WasmBuilder();
        int pair = b.type("", "ii");
        int swapType = b.type("ii", "ii");
        // swap(a, b) = (b, a)
        int swap = b.function(swapType, Code.of().get(1).get(0));
        // A block taking two parameters and returning them swapped: swap twice, then a - b.
        Code body = Code.of().get(0).get(1).call(swap)
                .blockType(Opcode.BLOCK, swapType).call(swap).end()
                .op(Opcode.I32_SUB);
        int sub = b.function(b.type("ii", "i"), body);
        // A loop with a parameter: count down to 0 through the loop's label, which carries one value.
        int countType = b.type("i", "i");
        Code count = Code.of().get(0)
                .blockType(Opcode.LOOP, countType)
                .i32(1).op(Opcode.I32_SUB).tee(1).get(1).op(Opcode.BR_IF, 0)
                .end();
        int down = b.function(countType, "i", count);
        int two = b.function(pair, Code.of().i32(3).i32(4).op(Opcode.RETURN));
        b.exportFunction("sub", sub).exportFunction("down", down).exportFunction("two", two).exportFunction("swap", swap);
        Instance i = Run.instantiate(b.build());
        assertEquals(-1, i.function("sub").call(5, 6)[0]);
        assertEquals(0, i.function("down").call(10)[0]);
        assertArrayEquals(new long[] {3, 4}, i.function("two").call());
        assertArrayEquals(new long[] {2, 1}, i.function("swap").call(1, 2));
    }

    @Test
    void ifWithParametersAndNoElse() {
        WasmBuilder b = new WasmBuilder();
        int t = b.type("i", "i");
        // (local.get 1) (local.get 0) (if (param i32) (result i32) (then i32.const 10 i32.add))
        int f = b.function(b.type("ii", "i"), Code.of().get(1).get(0).blockType(Opcode.IF, t).i32(10).op(Opcode.I32_ADD).end());
        b.exportFunction("f", f);
        WasmFunction fn = Run.instantiate(b.build()).function("f");
        assertEquals(15, fn.call(1, 5)[0]);
        assertEquals(5, fn.call(0, 5)[0]);
    }

    @Test
    void localsAreZeroedAndTeeKeepsTheValue() {
        Code body = Code.of().get(1).i32(5).tee(1).op(Opcode.I32_ADD).get(1).op(Opcode.I32_ADD);
        assertEquals(10, Run.function("i", "i", "i", body).function("f").call(9)[0]);
        // A local read before it is overwritten keeps its old value.
        Code order = Code.of().get(0).i32(1).set(0).get(0).op(Opcode.I32_SUB);
        assertEquals(6, Run.function("i", "i", "", order).function("f").call(7)[0]);
        Code swap = Code.of().get(0).get(1).set(0).set(1).get(0).i32(10).op(Opcode.I32_MUL).get(1).op(Opcode.I32_ADD);
        assertEquals(21, Run.function("ii", "i", "", swap).function("f").call(1, 2)[0]);
    }

    @Test
    void selectAndTypedSelect() {
        Code body = Code.of().get(0).get(1).get(2).op(Opcode.SELECT);
        WasmFunction f = Run.function("lli", "l", "", body).function("f");
        assertEquals(7L, f.call(7, 8, 1)[0]);
        assertEquals(8L, f.call(7, 8, 0)[0]);
        Code typed = Code.of().get(0).get(1).get(2).selectTyped(ValType.FUNCREF);
        WasmFunction g = Run.function("rri", "r", "", typed).function("f");
        assertEquals(0L, g.call(0, 0, 1)[0]);
    }

    @Test
    void globalsReadAndWrite() {
        WasmBuilder b = new WasmBuilder();
        int g = b.global(ValType.I64, true, Code.of().i64(40));
        b.exportGlobal("g", g);
        b.exportFunction("bump", b.function(b.type("", "l"), Code.of()
                .op(Opcode.GLOBAL_GET, g).i64(2).op(Opcode.I64_ADD).op(Opcode.GLOBAL_SET, g).op(Opcode.GLOBAL_GET, g)));
        Instance i = Run.instantiate(b.build());
        assertEquals(42L, i.function("bump").call()[0]);
        assertEquals(42L, i.global("g").get());
    }

    @Test
    void unreachableTrapsAndDeadCodeIsSkipped() {
        Code body = Code.of().op(Opcode.UNREACHABLE).op(Opcode.I32_ADD).op(Opcode.DROP);
        assertTrap(TrapKind.UNREACHABLE, () -> Run.function("", "", "", body).function("f").call());
        Code dead = Code.of().block(Opcode.BLOCK, ValType.I32).i32(1).op(Opcode.BR, 0)
                .block(Opcode.LOOP).op(Opcode.UNREACHABLE).end().op(Opcode.I32_ADD).end();
        assertEquals(1, Run.function("", "i", "", dead).function("f").call()[0]);
    }
    /**
     * Loops whose back edge is {@code br_if (i += step) != n} with a step of 2 (clang's unrolled
     * loops), the stepped value on either side of the compare: they run until the two are equal,
     * also when the stepped value is past the limit (the limit moves too, by {@code d} per
     * iteration). The AOT engine tests "short of the limit" first, for the JIT's loop analysis,
     * then "different"; hot on the first form, then the second, the count must stay exact.
     */
    @Test
    void loopsSteppingByTwoEndExactlyWhenTheValuesMeet() {
        // count = 0; loop { count++; n += d; i += 2; br_if (n != i) }; count   (stepped value on top)
        Code up = Code.of().block(Opcode.LOOP)
                .get(3).i32(1).op(Opcode.I32_ADD).set(3)
                .get(1).get(2).op(Opcode.I32_ADD).set(1)
                .get(1).get(0).i32(2).op(Opcode.I32_ADD).tee(0).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end().get(3);
        // the same stepping down by 2, the stepped value below the limit: br_if ((i -= 2) != n)
        Code down = Code.of().block(Opcode.LOOP)
                .get(3).i32(1).op(Opcode.I32_ADD).set(3)
                .get(1).get(2).op(Opcode.I32_ADD).set(1)
                .get(0).i32(-2).op(Opcode.I32_ADD).tee(0).get(1).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end().get(3);
        WasmFunction f = Run.function("iii", "i", "i", up).function("f");
        WasmFunction g = Run.function("iii", "i", "i", down).function("f");
        for (int n = 0; n < 3_000; n++) {
            assertEquals(500, f.call(0, 1000, 0)[0]);
            assertEquals(8, g.call(20, 4, 0)[0]);
        }
        assertEquals(10, f.call(10, 0, 3)[0], "i starts past n; n gains 3 per iteration, i 2");
        assertEquals(7, f.call(-6, -13, 3)[0]);
        assertEquals(1, f.call(1, 0, 3)[0]);
        assertEquals(10, g.call(0, 10, -3)[0], "i starts below n, stepping down");
        assertEquals(2, g.call(5, 7, -3)[0]);
        assertEquals(10, g.call(-7, -27, 0)[0]);
        assertEquals(500, f.call(0, 1000, 0)[0]);
    }

    /**
     * Loops whose back edge is {@code br_if} on a counter just stepped by a constant (gimli's
     * rounds: {@code br_if (local.tee i (i - 1))}), which the AOT engine compiles as a jump back
     * on the value itself: they run until the counter is zero, whatever the step, also when the
     * counter wraps around 2^32 on its way there; hot, then cold inputs, the count stays exact.
     */
    @Test
    void loopsCountingDownToZeroEndExactly() {
        for (int step : new int[] {-1, 1, 3}) {
            // count = 0; loop { count++; br_if (local.tee 0 (i + step)) }; count
            Code body = Code.of().block(Opcode.LOOP)
                    .get(1).i32(1).op(Opcode.I32_ADD).set(1)
                    .get(0).i32(step).op(Opcode.I32_ADD).tee(0).op(Opcode.BR_IF, 0)
                    .end().get(1);
            WasmFunction f = Run.function("ii", "i", "", body).function("f");
            for (int n = 0; n < 3_000; n++) assertEquals(24, f.call(-24L * step, 0)[0], "step " + step);
            assertEquals(1, f.call(-step, 0)[0], "step " + step);
            assertEquals(1000, f.call(-1000L * step, 0)[0], "step " + step);
        }
        // a step of 2^30 from 2^30 reaches zero by wrapping around 2^32, after 3 iterations
        Code wrap = Code.of().block(Opcode.LOOP)
                .get(1).i32(1).op(Opcode.I32_ADD).set(1)
                .get(0).i32(0x4000_0000).op(Opcode.I32_ADD).tee(0).op(Opcode.BR_IF, 0)
                .end().get(1);
        assertEquals(3, Run.function("ii", "i", "", wrap).function("f").call(0x4000_0000, 0)[0]);
    }
}
