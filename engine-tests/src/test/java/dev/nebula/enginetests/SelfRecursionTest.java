package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Small functions that call themselves (spec 4.4.8 call, 4.4.10 function calls): the AOT engine
 * compiles one level of such a call in line (FunctionCompiler.inlineSelfCall), so these check
 * what must not change with it, on both engines: the values, {@code return} from inside nested
 * blocks with operands to drop, several results, the exact call depth at which the stack is
 * exhausted (odd and even, so the limit falls both on an in-line frame and on a real call), and
 * a trap's Wasm stack, one entry per Wasm frame, from an out-of-bounds access as deep as any.
 */
class SelfRecursionTest {

    /** walk(n): n == 0 ? load(65536) (out of bounds: one page) : 1 + walk(n - 1). */
    private static byte[] walk() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, 1);
        int f = b.function(b.type("i", "i"), Code.of()
                .get(0).op(Opcode.I32_EQZ).block(Opcode.IF, ValType.I32)
                .i32(65536).mem(Opcode.I32_LOAD, 0)
                .op(Opcode.ELSE)
                .i32(1).get(0).i32(1).op(Opcode.I32_SUB).call(0).op(Opcode.I32_ADD)
                .end());
        b.exportFunction("walk", f).name(f, "walk");
        return b.build();
    }

    @Test
    void anOutOfBoundsTrapNamesTheFunctionOncePerFrame() {
        WasmFunction walk = Run.instantiate(walk()).function("walk");
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 36, 37}) {
            TrapException e = assertThrows(TrapException.class, () -> walk.call(n));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, e.kind());
            assertEquals(Collections.nCopies(n + 1, "func 0 ($walk)"), e.wasmStack(), "walk(" + n + ")");
        }
    }

    /**
     * sum(n) = 1000 + (n == 0 ? [7, 5 → return 5] : n + sum(n - 1)) - 1000: the result of the
     * call sits above an operand, and {@code return} leaves from inside an {@code if} with two
     * operands to drop under its value.
     */
    @Test
    void returnFromNestedBlocksDropsOnlyItsOwnOperands() {
        WasmBuilder b = new WasmBuilder();
        int f = b.function(b.type("i", "i"), Code.of()
                .i32(1000)
                .block(Opcode.BLOCK, ValType.I32)
                .get(0).op(Opcode.I32_EQZ).block(Opcode.IF).i32(7).i32(5).op(Opcode.RETURN).end()
                .get(0).i32(1).op(Opcode.I32_SUB).call(0).get(0).op(Opcode.I32_ADD)
                .end()
                .op(Opcode.I32_ADD).i32(1000).op(Opcode.I32_SUB));
        b.exportFunction("sum", f);
        WasmFunction sum = Run.instantiate(b.build()).function("sum");
        for (int n = 0; n <= 9; n++) assertEquals(5 + n * (n + 1) / 2, (int) sum.call(n)[0], "sum(" + n + ")");
    }

    /** pair(n: i64, x: f64) = n == 0 ? (0, x) : let (a, y) = pair(n - 1, 2x) in (a + n, y): i64 and f64 locals, two results. */
    @Test
    void wideParametersAndTwoResults() {
        WasmBuilder b = new WasmBuilder();
        int f = b.function(b.type("ld", "ld"), "d", Code.of()
                .get(0).op(Opcode.I64_EQZ).block(Opcode.IF).i64(0).get(1).op(Opcode.RETURN).end()
                .get(0).i64(1).op(Opcode.I64_SUB).get(1).f64(2).op(Opcode.F64_MUL).call(0)
                .set(2).get(0).op(Opcode.I64_ADD).get(2));
        b.exportFunction("pair", f);
        WasmFunction pair = Run.instantiate(b.build()).function("pair");
        for (int n = 0; n <= 7; n++) {
            long[] r = pair.call(n, Run.f64Bits(1.5));
            assertEquals((long) n * (n + 1) / 2, r[0], "pair(" + n + ") first");
            assertEquals(1.5 * (1 << n), Double.longBitsToDouble(r[1]), "pair(" + n + ") second");
        }
    }

    /** count(n) = n == 0 ? 0 : 1 + count(n - 1): n + 1 frames; the limit is hit exactly, whichever copy makes the call. */
    @Test
    void theCallDepthLimitIsExactAtOddAndEvenDepths() {
        WasmBuilder b = new WasmBuilder();
        Code body = Code.of().get(0).op(Opcode.I32_EQZ).block(Opcode.IF, ValType.I32).i32(0)
                .op(Opcode.ELSE).get(0).i32(1).op(Opcode.I32_SUB).call(0).i32(1).op(Opcode.I32_ADD).end();
        int f = b.function(b.type("i", "i"), body);
        b.exportFunction("count", f).name(f, "count");
        byte[] module = b.build();
        for (int limit : new int[] {1, 2, 3, 4, 5, 100, 101}) {
            Engine engine = Engine.create(EngineConfig.defaults(Run.KIND).withMaxCallDepth(limit));
            Store store = new Store(engine);
            WasmFunction count = new Linker().instantiate(store, engine.compile(module)).function("count");
            assertEquals(limit - 1, count.call(limit - 1)[0], "limit " + limit);
            TrapException e = assertThrows(TrapException.class, () -> count.call(limit));
            assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
            assertEquals(Collections.nCopies(limit, "func 0 ($count)"), e.wasmStack(), "limit " + limit);
            assertEquals(0, store.callDepth());
        }
    }
}
