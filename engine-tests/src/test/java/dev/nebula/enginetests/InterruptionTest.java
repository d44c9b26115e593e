package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.ops.InterruptSwitch;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A guest that never returns is stopped by its store's deadline, at a branch or a call (spec 4.4.8 loops). */
class InterruptionTest {

    private static Instance instantiate(WasmBuilder b, Store store) {
        return new Linker().instantiate(store, Run.ENGINE.compile(b.build()));
    }

    /** (loop (br 0)): the tightest infinite loop there is, a lone back-edge. */
    @Test
    void anInfiniteLoopStopsAtItsDeadline() {
        WasmBuilder b = new WasmBuilder();
        b.exportFunction("spin", b.function(b.type("", ""), Code.of().block(Opcode.LOOP).op(Opcode.BR, 0).end()));
        Store store = new Store(Run.ENGINE);
        WasmFunction spin = instantiate(b, store).function("spin");
        store.setDeadline(Duration.ofMillis(50));
        TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TrapException.class, spin::call));
        // The stack is not asserted: on a loaded machine the deadline may pass before the call
        // starts, and the entry check then stops it with no frame yet on the stack.
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
    }

    /** A loop whose back-edge is a fused compare-and-branch, counting forever. */
    @Test
    void aCountingLoopWithAFusedBranchStops() {
        // (loop (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if 0 (i32.ne (local.get 0) (i32.const 0))))
        // runs 2^32 times; the deadline comes first.
        Code body = Code.of().block(Opcode.LOOP)
                .get(0).i32(1).op(Opcode.I32_ADD).set(0)
                .get(0).i32(0).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end();
        WasmBuilder b = new WasmBuilder();
        b.exportFunction("count", b.function(b.type("i", ""), body));
        Store store = new Store(Run.ENGINE);
        WasmFunction count = instantiate(b, store).function("count");
        store.setDeadline(Duration.ofMillis(50));
        TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TrapException.class, () -> count.call(1)));
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
    }

    /** A loop stepping by 2 that never meets its limit (clang's unrolled shape), and one whose fused signed compare stays true. */
    @Test
    void steppingAndSignedCountingLoopsStop() {
        // (loop (br_if 0 (i32.ne (local.get 1) (local.tee 0 (i32.add (local.get 0) (i32.const 2)))))): i even, n odd
        Code stepping = Code.of().block(Opcode.LOOP)
                .get(1).get(0).i32(2).op(Opcode.I32_ADD).tee(0).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end();
        // (loop (local.set 0 (i32.and (i32.add (local.get 0) (i32.const 1)) (i32.const 0xFF))) (br_if 0 (i32.lt_s (local.get 0) (local.get 1))))
        Code signed = Code.of().block(Opcode.LOOP)
                .get(0).i32(1).op(Opcode.I32_ADD).i32(0xFF).op(Opcode.I32_AND).set(0)
                .get(0).get(1).op(Opcode.I32_LT_S).op(Opcode.BR_IF, 0)
                .end();
        // (loop (br_if 0 (local.tee 0 (i32.add (local.get 0) (i32.const 2))))): odd i never reaches zero
        Code countingDown = Code.of().block(Opcode.LOOP)
                .get(0).i32(2).op(Opcode.I32_ADD).tee(0).op(Opcode.BR_IF, 0)
                .end();
        for (Code body : new Code[] {stepping, signed, countingDown}) {
            WasmBuilder b = new WasmBuilder();
            b.exportFunction("spin", b.function(b.type("ii", ""), body));
            Store store = new Store(Run.ENGINE);
            WasmFunction spin = instantiate(b, store).function("spin");
            store.setDeadline(Duration.ofMillis(50));
            TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TrapException.class, () -> spin.call(body == countingDown ? 1 : 0, 1001)));
            assertEquals(TrapKind.INTERRUPTED, trap.kind());
        }
    }

    /**
     * {@code body} after enough straight code (40 constants dropped, 120 bytes) that the function
     * is large: the AOT engine then invokes the interrupt guard in line at its loop headers
     * instead of calling {@code Rt.poll} (FunctionCompiler.POLL_IN_LINE_FROM).
     */
    private static Code padded(Code body) {
        Code code = Code.of();
        for (int i = 0; i < 40; i++) code.i32(1).op(Opcode.DROP);
        for (byte x : body.bytes()) code.raw(x & 0xFF);
        return code;
    }

    /** The loops above, in a large function. */
    @Test
    void loopsOfALargeFunctionStop() {
        Code spin = Code.of().block(Opcode.LOOP).op(Opcode.BR, 0).end();
        Code count = Code.of().block(Opcode.LOOP)
                .get(0).i32(1).op(Opcode.I32_ADD).set(0)
                .get(0).i32(0).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end();
        for (Code body : new Code[] {spin, count}) {
            WasmBuilder b = new WasmBuilder();
            b.exportFunction("f", b.function(b.type("i", ""), padded(body)));
            Store store = new Store(Run.ENGINE);
            WasmFunction f = instantiate(b, store).function("f");
            store.setDeadline(Duration.ofMillis(50));
            TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TrapException.class, () -> f.call(1)));
            assertEquals(TrapKind.INTERRUPTED, trap.kind());
        }
    }

    /** Function entries are checked too, both from the embedder and between Wasm functions. */
    @Test
    void anInterruptedStoreRunsNoFunctionUntilCleared() {
        WasmBuilder b = new WasmBuilder();
        int type = b.type("", "i");
        int callee = b.function(type, Code.of().i32(7));
        b.exportFunction("caller", b.function(type, Code.of().call(callee)));
        Store store = new Store(Run.ENGINE);
        WasmFunction caller = instantiate(b, store).function("caller");
        assertEquals(7, caller.call()[0]);
        store.interrupt();
        TrapException trap = assertThrows(TrapException.class, caller::call);
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
        store.clearDeadline();
        assertEquals(7, caller.call()[0], "cleared, the same instance runs again");
    }

    /**
     * Loops that call: one whose every iteration calls a function that makes calls itself (the
     * AOT engine polls in that callee instead of at the loop's header), one whose calls go to a
     * leaf function (which polls nowhere, so the loop must), and recursion with no loop at all.
     */
    @Test
    void loopsThatCallAndRecursionStop() {
        WasmBuilder b = new WasmBuilder();
        int none = b.type("", "");
        int leaf = b.function(none, Code.of().i32(1).op(Opcode.DROP));
        int calling = b.function(none, Code.of().call(leaf));
        b.exportFunction("loopCallingACaller", b.function(none, Code.of().block(Opcode.LOOP).call(calling).op(Opcode.BR, 0).end()));
        b.exportFunction("loopCallingALeaf", b.function(none, Code.of().block(Opcode.LOOP).call(leaf).op(Opcode.BR, 0).end()));
        // recurse(n), function 4: if n: recurse(n - 1); recurse(n - 1) -- 2^n calls, never deeper than n
        int recurse = b.function(b.type("i", ""), Code.of().get(0).block(Opcode.IF)
                .get(0).i32(1).op(Opcode.I32_SUB).call(4).get(0).i32(1).op(Opcode.I32_SUB).call(4).end());
        b.exportFunction("recurse", recurse);
        for (String name : new String[] {"loopCallingACaller", "loopCallingALeaf", "recurse"}) {
            Store store = new Store(Run.ENGINE);
            WasmFunction f = instantiate(b, store).function(name);
            store.setDeadline(Duration.ofMillis(50));
            TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(TrapException.class, () -> f.call(name.equals("recurse") ? new long[] {60} : new long[0])), name);
            assertEquals(TrapKind.INTERRUPTED, trap.kind(), name);
        }
    }

    /** A function with no calls and no loops, called from outside an interrupted store, does not run. */
    @Test
    void anInterruptedStoreRunsNoLeafFunctionEither() {
        WasmBuilder b = new WasmBuilder();
        b.exportFunction("seven", b.function(b.type("", "i"), Code.of().i32(7)));
        Store store = new Store(Run.ENGINE);
        WasmFunction seven = instantiate(b, store).function("seven");
        store.interrupt();
        assertEquals(TrapKind.INTERRUPTED, assertThrows(TrapException.class, seven::call).kind());
        store.clearDeadline();
        assertEquals(7, seven.call()[0]);
    }

    /** Another thread interrupts a running guest. */
    @Test
    void anotherThreadCanInterrupt() throws InterruptedException {
        WasmBuilder b = new WasmBuilder();
        b.exportFunction("spin", b.function(b.type("", ""), Code.of().block(Opcode.LOOP).op(Opcode.BR, 0).end()));
        Store store = new Store(Run.ENGINE);
        WasmFunction spin = instantiate(b, store).function("spin");
        TrapException[] caught = new TrapException[1];
        Thread guest = new Thread(() -> {
            try {
                spin.call();
            } catch (TrapException e) {
                caught[0] = e;
            }
        });
        guest.start();
        Thread.sleep(50);
        store.interrupt();
        guest.join(30_000);
        assertEquals(TrapKind.INTERRUPTED, caught[0].kind());
    }
    /**
     * A nest whose inner loop never ends: the outer loop's poll is never reached again, so the
     * inner loop must stop by itself, both as a lone back-edge and as a counting loop.
     */
    @Test
    void anInfiniteInnerLoopOfANestStops() {
        WasmBuilder b = new WasmBuilder();
        // (loop $outer (loop $inner (br $inner)) (br $outer))
        b.exportFunction("spinInside", b.function(b.type("", ""), Code.of().block(Opcode.LOOP)
                .block(Opcode.LOOP).op(Opcode.BR, 0).end()
                .op(Opcode.BR, 0).end()));
        // (loop $outer (local.set 0 (i32.const 1))
        //   (loop $inner (local.set 0 (i32.add (local.get 0) (i32.const 2))) (br_if $inner (local.get 0)))
        //   (br $outer)): the inner counter is odd, never 0
        b.exportFunction("countInside", b.function(b.type("i", ""), Code.of().block(Opcode.LOOP)
                .i32(1).set(0)
                .block(Opcode.LOOP).get(0).i32(2).op(Opcode.I32_ADD).set(0).get(0).op(Opcode.BR_IF, 0).end()
                .op(Opcode.BR, 0).end()));
        for (String name : new String[] {"spinInside", "countInside"}) {
            Store store = new Store(Run.ENGINE);
            WasmFunction f = instantiate(b, store).function(name);
            store.setDeadline(Duration.ofMillis(50));
            TrapException trap = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(TrapException.class, () -> f.call(name.equals("countInside") ? new long[] {0} : new long[0])), name);
            assertEquals(TrapKind.INTERRUPTED, trap.kind(), name);
        }
    }

    /**
     * A loop that has run long enough to be compiled by the JIT while no store of the process was
     * interrupted (the AOT engine's polls are then folded away, see InterruptSwitch) still stops:
     * the interrupt makes the JVM deoptimize it. Waits first until the guard is off again, which
     * also shows that it turns off once no interrupted store runs code (earlier tests leave theirs
     * interrupted).
     */
    @Test
    void aLoopCompiledWhileNoStoreWasInterruptedStillStops() throws InterruptedException {
        long until = System.nanoTime() + 70_000_000_000L; // the quiet period may have grown to 64 s
        while (InterruptSwitch.isOn() && System.nanoTime() < until) Thread.sleep(100);
        assertFalse(InterruptSwitch.isOn(), "the guard turns off when no store is interrupted");
        WasmBuilder b = new WasmBuilder();
        Code body = Code.of().block(Opcode.LOOP)
                .get(0).i32(1).op(Opcode.I32_ADD).set(0)
                .get(0).i32(0).op(Opcode.I32_NE).op(Opcode.BR_IF, 0)
                .end();
        b.exportFunction("count", b.function(b.type("i", ""), body));
        // the same loop in a large function, whose polls invoke the guard in line
        b.exportFunction("countLarge", b.function(b.type("i", ""), padded(body)));
        String[] names = {"count", "countLarge"};
        Store[] stores = new Store[names.length];
        TrapException[] caught = new TrapException[names.length];
        Thread[] guests = new Thread[names.length];
        for (int i = 0; i < names.length; i++) {
            stores[i] = new Store(Run.ENGINE);
            WasmFunction count = instantiate(b, stores[i]).function(names[i]);
            int which = i;
            guests[i] = new Thread(() -> {
                try {
                    while (true) count.call(1); // 2^32 - 1 iterations a call, again and again
                } catch (TrapException e) {
                    caught[which] = e;
                }
            });
            guests[i].setDaemon(true);
            guests[i].start();
        }
        Thread.sleep(1500);
        assertFalse(InterruptSwitch.isOn(), "no store was interrupted while the loops ran hot");
        for (Store store : stores) store.interrupt();
        for (int i = 0; i < names.length; i++) {
            guests[i].join(30_000);
            assertFalse(guests[i].isAlive(), names[i] + ": the hot loop stopped");
            assertEquals(TrapKind.INTERRUPTED, caught[i].kind(), names[i]);
        }
    }
}
