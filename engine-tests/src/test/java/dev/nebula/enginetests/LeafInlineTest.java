package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A small function that calls nothing, called directly in a loop (spec 4.4.8 call, 4.4.10
 * function calls): the AOT engine compiles such a call in line (FunctionCompiler.inlineCall), so
 * these check, on both engines, what must not change with it: a trap's Wasm stack names callee
 * and caller, the call-depth limit is exact when the in-line call is the one past it,
 * {@code return} and {@code br} leave nested blocks of the callee with the operands under them
 * dropped, several results, a loop inside the callee stops at the deadline, and memory grown by
 * the caller is seen inside.
 */
class LeafInlineTest {

    /**
     * A module whose function 0 ({@code $caller}, params "i" and results "i") runs {@code loop}
     * ({@code local 0} counts down to 0, {@code local 1} accumulates, the body of each iteration
     * is {@code iteration}), and whose function 1 ({@code $leaf}) is {@code leaf} of type
     * {@code leafParams -> leafResults}, after 420 bytes of padding that make it large enough to
     * be compiled in line.
     */
    private static WasmBuilder module(String leafParams, String leafResults, String leafLocals, Code leaf, Code iteration) {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, 4);
        Code loop = Code.of()
                .get(0).op(Opcode.I32_EQZ).block(Opcode.IF).get(1).op(Opcode.RETURN).end()
                .block(Opcode.LOOP);
        for (byte x : iteration.bytes()) loop.raw(x & 0xFF);
        loop.get(0).i32(1).op(Opcode.I32_SUB).tee(0).op(Opcode.BR_IF, 0).end().get(1);
        int caller = b.function(b.type("i", "i"), "i", loop);
        // 140 (drop (i32.const 0)) first: the AOT engine takes callees of 230 to 500 bytes
        Code padded = Code.of();
        for (int i = 0; i < 140; i++) padded.i32(0).op(Opcode.DROP);
        for (byte x : leaf.bytes()) padded.raw(x & 0xFF);
        int callee = b.function(b.type(leafParams, leafResults), leafLocals, padded);
        b.exportFunction("caller", caller).name(caller, "caller").name(callee, "leaf");
        return b;
    }

    /** leaf(a) = load(a), of a = 65528 + n with n counting down: 65532 (n = 4) is the highest address in bounds. */
    @Test
    void aTrapInsideTheCalleeNamesCalleeAndCaller() {
        Code leaf = Code.of().get(0).mem(Opcode.I32_LOAD, 0);
        Code iteration = Code.of().get(1).i32(65528).get(0).op(Opcode.I32_ADD).call(1).op(Opcode.I32_ADD).set(1);
        WasmFunction caller = Run.instantiate(module("i", "i", "", leaf, iteration).build()).function("caller");
        assertEquals(0, (int) caller.call(4)[0]);
        TrapException e = assertThrows(TrapException.class, () -> caller.call(7));
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, e.kind());
        assertEquals(List.of("func 1 ($leaf)", "func 0 ($caller)"), e.wasmStack());
        // and a trap of another kind, from an operator: leaf(a) = 100 / (a - 3)
        Code divide = Code.of().i32(100).get(0).i32(3).op(Opcode.I32_SUB).op(Opcode.I32_DIV_S);
        Code plain = Code.of().get(1).get(0).call(1).op(Opcode.I32_ADD).set(1);
        WasmFunction divider = Run.instantiate(module("i", "i", "", divide, plain).build()).function("caller");
        assertEquals(-100 - 50, (int) divider.call(2)[0]);
        TrapException zero = assertThrows(TrapException.class, () -> divider.call(5));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, zero.kind());
        assertEquals(List.of("func 1 ($leaf)", "func 0 ($caller)"), zero.wasmStack());
    }

    /** The caller takes one frame, the leaf a second: with a limit of 1 the leaf's call is the one refused. */
    @Test
    void theCallDepthLimitIsExactAtTheInLineCall() {
        Code leaf = Code.of().get(0).i32(1).op(Opcode.I32_ADD);
        Code iteration = Code.of().get(1).call(1).set(1);
        byte[] module = module("i", "i", "", leaf, iteration).build();
        for (int limit : new int[] {1, 2, 3}) {
            Engine engine = Engine.create(EngineConfig.defaults(Run.KIND).withMaxCallDepth(limit));
            Store store = new Store(engine);
            WasmFunction caller = new Linker().instantiate(store, engine.compile(module)).function("caller");
            assertEquals(0, (int) caller.call(0)[0], "no call made, limit " + limit);
            if (limit == 1) {
                TrapException e = assertThrows(TrapException.class, () -> caller.call(3));
                assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
                assertEquals(List.of("func 0 ($caller)"), e.wasmStack());
            } else {
                assertEquals(3, (int) caller.call(3)[0], "limit " + limit);
            }
            assertEquals(0, store.callDepth());
        }
    }

    /**
     * leaf(x) = 1000 + (x == 0 ? 3 : x == 1 ? [return 5 over 1000 and 7] : 10x), with its
     * branches out of two nested blocks; the caller adds it to its accumulator, under the call.
     */
    @Test
    void returnAndBranchesLeaveNestedBlocksOfTheCallee() {
        Code leaf = Code.of()
                .i32(1000)
                .block(Opcode.BLOCK, ValType.I32)
                .block(Opcode.BLOCK)
                .get(0).op(Opcode.I32_EQZ).op(Opcode.BR_IF, 0)
                .get(0).i32(1).op(Opcode.I32_EQ).block(Opcode.IF).i32(7).i32(5).op(Opcode.RETURN).end()
                .get(0).i32(10).op(Opcode.I32_MUL).op(Opcode.BR, 1)
                .end()
                .i32(3)
                .end()
                .op(Opcode.I32_ADD);
        // acc = acc + leaf(n - 1)
        Code iteration = Code.of().get(1).get(0).i32(1).op(Opcode.I32_SUB).call(1).op(Opcode.I32_ADD).set(1);
        WasmFunction caller = Run.instantiate(module("i", "i", "", leaf, iteration).build()).function("caller");
        for (int n = 0; n <= 6; n++) {
            int expected = 0;
            for (int x = 0; x < n; x++) expected += x == 0 ? 1003 : x == 1 ? 5 : 1000 + 10 * x;
            assertEquals(expected, (int) caller.call(n)[0], "n = " + n);
        }
    }

    /** leaf(a: i64, b: f64) = (a * 3, b / 2, (i32) a + 1): three results of three types, dropped and summed in the caller. */
    @Test
    void severalResults() {
        Code leaf = Code.of()
                .get(0).i64(3).op(Opcode.I64_MUL)
                .get(1).f64(2).op(Opcode.F64_DIV)
                .get(0).op(Opcode.I32_WRAP_I64).i32(1).op(Opcode.I32_ADD);
        // acc = acc + (i32) leaf(n, n)[0] + (i32) leaf[1] + leaf[2]
        Code iteration = Code.of().get(0).op(Opcode.I64_EXTEND_I32_S).get(0).op(Opcode.F64_CONVERT_I32_S).call(1)
                .get(1).op(Opcode.I32_ADD).set(1)
                .op(Opcode.I32_TRUNC_F64_S).get(1).op(Opcode.I32_ADD).set(1)
                .op(Opcode.I32_WRAP_I64).get(1).op(Opcode.I32_ADD).set(1);
        WasmFunction caller = Run.instantiate(module("ld", "ldi", "", leaf, iteration).build()).function("caller");
        for (int n = 0; n <= 9; n++) {
            int expected = 0;
            for (int x = 1; x <= n; x++) expected += 3 * x + x / 2 + x + 1;
            assertEquals(expected, (int) caller.call(n)[0], "n = " + n);
        }
    }

    /** leaf(x) spins while x != 0 (loop (br_if 0 (local.get 0))): only the deadline ends it. */
    @Test
    void aLoopInsideTheCalleeStopsAtTheDeadline() {
        Code leaf = Code.of().block(Opcode.LOOP).get(0).op(Opcode.BR_IF, 0).end().get(0);
        Code iteration = Code.of().get(0).call(1).set(1);
        byte[] module = module("i", "i", "", leaf, iteration).build();
        Store store = new Store(Run.ENGINE);
        WasmFunction caller = new Linker().instantiate(store, Run.ENGINE.compile(module)).function("caller");
        assertEquals(0, (int) caller.call(0)[0]);
        store.setDeadline(Duration.ofMillis(50));
        TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TrapException.class, () -> caller.call(3)));
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
    }

    /**
     * Each iteration grows memory by a page, then leaf(a) stores 42 + n at a (the new page's
     * first byte, 65536 * pages - 65536) and loads it back: only valid in memory grown by the
     * caller. Once with a caller that reads memory itself (it hands its array to the in-line
     * callee) and once with one that does not (the callee reads it on entry).
     */
    @Test
    void memoryGrownBeforeTheCallIsSeenInside() {
        Code leaf = Code.of().get(0).get(1).mem(Opcode.I32_STORE8, 0).get(0).mem(Opcode.I32_LOAD8_U, 0);
        Code grows = Code.of().i32(1).op(Opcode.MEMORY_GROW, 0).op(Opcode.DROP)
                .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).i32(65536).op(Opcode.I32_SUB)
                .get(0).i32(42).op(Opcode.I32_ADD)
                .call(1).get(1).op(Opcode.I32_ADD).set(1);
        Code readsToo = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP);
        for (byte x : grows.bytes()) readsToo.raw(x & 0xFF);
        for (Code iteration : new Code[] {grows, readsToo}) {
            Instance instance = Run.instantiate(module("ii", "i", "", leaf, iteration).build());
            // n = 3, 2, 1: 45 + 44 + 43
            assertEquals(132, (int) instance.function("caller").call(3)[0]);
            assertEquals(4, instance.defaultMemory().pages());
        }
    }
}
