package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Direct and indirect calls, call depth, traps' Wasm stacks, host functions and calls across instances (spec 4.4.8, 4.4.10). */
class CallTest {

    /** count(n) = n == 0 ? 0 : 1 + count(n - 1): n + 1 frames deep. */
    private static byte[] counter() {
        WasmBuilder b = new WasmBuilder();
        int t = b.type("i", "i");
        Code body = Code.of().get(0).op(Opcode.I32_EQZ).block(Opcode.IF, ValType.I32).i32(0)
                .op(Opcode.ELSE).get(0).i32(1).op(Opcode.I32_SUB).call(0).i32(1).op(Opcode.I32_ADD).end();
        int f = b.function(t, body);
        b.exportFunction("count", f).name(f, "count");
        return b.build();
    }

    /**
     * On a thread with a large stack, as the CLI runs guest code: the aot engine's Wasm calls are
     * JVM calls, which a default 1 MiB thread stack cannot hold 10,000 deep (there the recursion
     * ends in a clean "call stack exhausted" trap, see {@link #jvmStackOverflowBecomesATrap}).
     */
    @Test
    void recursionTenThousandFramesDeep() throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(Run.instantiate(counter()).function("count").call(10_000)[0]);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "large-stack", 512L * 1024 * 1024);
        t.start();
        t.join();
        assertEquals(10_000L, outcome.get());
    }

    @Test
    void exhaustionAtTheConfiguredDepthIsATrapAndLeavesTheStoreUsable() {
        Engine engine = Engine.create(EngineConfig.defaults(Run.KIND).withMaxCallDepth(100));
        Store store = new Store(engine);
        WasmFunction count = new Linker().instantiate(store, engine.compile(counter())).function("count");
        assertEquals(99, count.call(99)[0]);
        TrapException e = assertThrows(TrapException.class, () -> count.call(100));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
        assertEquals(100, e.wasmStack().size());
        assertEquals("func 0 ($count)", e.wasmStack().get(0));
        assertEquals(0, store.callDepth());
        assertEquals(99, count.call(99)[0]);
    }

    @Test
    void defaultLimitStopsRunawayRecursion() {
        WasmBuilder b = new WasmBuilder();
        int f = b.function(b.type("", ""), Code.of().call(0));
        b.exportFunction("loop", f);
        TrapException e = assertThrows(TrapException.class, () -> Run.instantiate(b.build()).function("loop").call());
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
    }

    @Test
    void trapsCarryTheWasmStackInnermostFirst() {
        WasmBuilder b = new WasmBuilder();
        int v = b.type("i", "i");
        int div = b.function(v, Code.of().i32(100).get(0).op(Opcode.I32_DIV_U));
        int mid = b.function(v, Code.of().get(0).call(div));
        int top = b.function(v, Code.of().get(0).call(mid));
        b.name(div, "div").name(top, "top");
        b.exportFunction("top", top);
        TrapException e = assertThrows(TrapException.class, () -> Run.instantiate(b.build()).function("top").call(0));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, e.kind());
        assertEquals(List.of("func 0 ($div)", "func 1", "func 2 ($top)"), e.wasmStack());
    }

    @Test
    void callIndirectChecksIndexNullAndType() {
        WasmBuilder b = new WasmBuilder();
        int tab = b.table(ValType.FUNCREF, 4, -1);
        int ii = b.type("i", "i");
        int ll = b.type("l", "l");
        int sameAsIi = b.type("i", "i");
        int twice = b.function(ii, Code.of().get(0).i32(2).op(Opcode.I32_MUL));
        int neg = b.function(ll, Code.of().i64(0).get(0).op(Opcode.I64_SUB));
        b.activeElements(tab, 0, twice, neg);
        // dispatch(x, i) = table[i](x) as [i32] -> [i32], through a structurally equal type index
        int dispatch = b.function(b.type("ii", "i"), Code.of().get(0).get(1).op(Opcode.CALL_INDIRECT, sameAsIi, tab));
        b.exportFunction("dispatch", dispatch);
        WasmFunction f = Run.instantiate(b.build()).function("dispatch");
        assertEquals(42, f.call(21, 0)[0]);
        assertTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, () -> f.call(21, 1));
        assertTrap(TrapKind.UNINITIALIZED_ELEMENT, () -> f.call(21, 2));
        assertTrap(TrapKind.UNDEFINED_ELEMENT, () -> f.call(21, 4));
        assertTrap(TrapKind.UNDEFINED_ELEMENT, () -> f.call(21, -1));
    }

    /**
     * call_indirect among many functions of one type (the AOT engine's dispatcher then switches
     * over buckets of them), with callees put in the table by the host after instantiation: an
     * exported function of another instance of the same module (it runs against its own
     * instance's memory), a host function, one of the wrong type, and slots added by a grow.
     */
    @Test
    void callIndirectAmongManyFunctionsAndCalleesTheHostPutsInTheTable() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, -1).exportMemory("mem");
        int ii = b.type("i", "i");
        int ll = b.type("l", "l");
        int tab = b.table(ValType.FUNCREF, 40, -1);
        b.exportTable("t", tab);
        int[] adders = new int[36];
        for (int k = 0; k < adders.length; k++) {
            // x + k + the byte at address 0 of the instance's own memory
            adders[k] = b.function(ii, Code.of().get(0).i32(k).op(Opcode.I32_ADD).i32(0).mem(Opcode.I32_LOAD8_U, 0).op(Opcode.I32_ADD));
        }
        int neg = b.function(ll, Code.of().i64(0).get(0).op(Opcode.I64_SUB));
        b.activeElements(tab, 0, java.util.Arrays.copyOf(adders, 34));
        b.activeElements(tab, 35, neg);
        b.exportFunction("adder35", adders[35]);
        int dispatch = b.function(b.type("ii", "i"), Code.of().get(0).get(1).op(Opcode.CALL_INDIRECT, ii, tab));
        b.exportFunction("dispatch", dispatch);
        byte[] module = b.build();
        Store store = new Store(Run.ENGINE);
        var compiled = Run.ENGINE.compile(module);
        Instance one = new Linker().instantiate(store, compiled);
        Instance two = new Linker().instantiate(store, compiled);
        two.memory("mem").write(0, new byte[] {100});
        WasmFunction f = one.function("dispatch");
        for (int round = 0; round < 2000; round++) {
            for (int k = 0; k < 34; k++) assertEquals(1000 + k, f.call(1000, k)[0]);
        }
        assertTrap(TrapKind.UNINITIALIZED_ELEMENT, () -> f.call(1, 34));
        assertTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, () -> f.call(1, 35));
        assertTrap(TrapKind.UNINITIALIZED_ELEMENT, () -> f.call(1, 39));
        assertTrap(TrapKind.UNDEFINED_ELEMENT, () -> f.call(1, 40));

        var table = one.table("t");
        table.set(34, two.function("adder35"));
        assertEquals(1000 + 35 + 100, f.call(1000, 34)[0], "another instance's function runs against its memory");
        table.set(34, one.function("adder35"));
        assertEquals(1000 + 35, f.call(1000, 34)[0]);
        table.set(39, dev.nebula.runtime.HostFunction.of("plus7", new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args) -> new long[] {args[0] + 7}));
        assertEquals(1007, f.call(1000, 39)[0]);
        table.set(39, dev.nebula.runtime.HostFunction.of("wrong", new FuncType(List.of(ValType.I64), List.of(ValType.I64)),
                (caller, args) -> new long[] {args[0]}));
        assertTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, () -> f.call(1000, 39));
        assertEquals(40, table.grow(2, 0));
        assertTrap(TrapKind.UNINITIALIZED_ELEMENT, () -> f.call(1, 41));
        table.set(41, one.function("adder35"));
        assertEquals(1035, f.call(1000, 41)[0]);
        assertTrap(TrapKind.UNDEFINED_ELEMENT, () -> f.call(1, 42));
    }

    private static byte[] callsHost() {
        WasmBuilder b = new WasmBuilder();
        int t = b.type("ii", "i");
        int host = b.importFunction("env", "combine", t);
        int f = b.function(t, Code.of().get(0).get(1).call(host).i32(1).op(Opcode.I32_ADD));
        b.exportFunction("f", f);
        return b.build();
    }

    @Test
    void preLinkingTypeChecksFunctionImportsBeforeAnyInstance() {
        Linker linker = new Linker().defineFunction("env", "combine", new FuncType(List.of(ValType.I64), List.of(ValType.I32)),
                (caller, args) -> new long[] {0});
        var module = Run.ENGINE.compile(callsHost());
        dev.nebula.wasm.UnlinkableException e = assertThrows(dev.nebula.wasm.UnlinkableException.class, () -> linker.preLink(module));
        assertEquals("incompatible import type", e.specMessage());
        assertEquals("combine", e.fieldName());
    }

    @Test
    void hostFunctionCalledFromWasm() {
        Linker linker = new Linker();
        AtomicReference<Instance> seen = new AtomicReference<>();
        linker.defineFunction("env", "combine", new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (caller, args) -> {
                    seen.set(caller);
                    return new long[] {args[0] * 10 + args[1]};
                });
        Instance i = linker.instantiate(new Store(Run.ENGINE), Run.ENGINE.compile(callsHost()));
        assertEquals(35, i.function("f").call(3, 4)[0]);
        assertSame(i, seen.get(), "the host sees the calling instance");
    }

    @Test
    void hostExceptionPassesThroughUnchanged() {
        Linker linker = new Linker();
        IllegalStateException boom = new IllegalStateException("boom");
        linker.defineFunction("env", "combine", new FuncType(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                (caller, args) -> {
                    throw boom;
                });
        Store store = new Store(Run.ENGINE);
        Instance i = linker.instantiate(store, Run.ENGINE.compile(callsHost()));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> i.function("f").call(1, 2)));
        assertEquals(0, store.callDepth());
    }

    /** A host function that calls back into Wasm, which calls the host again: the depth counts every Wasm frame. */
    private static WasmFunction reentrant(Engine engine) {
        WasmBuilder b = new WasmBuilder();
        int t = b.type("i", "i");
        int host = b.importFunction("env", "again", t);
        // f(n) = n == 0 ? 0 : again(n - 1) + 1
        Code body = Code.of().get(0).op(Opcode.I32_EQZ).block(Opcode.IF, ValType.I32).i32(0)
                .op(Opcode.ELSE).get(0).i32(1).op(Opcode.I32_SUB).call(host).i32(1).op(Opcode.I32_ADD).end();
        b.exportFunction("f", b.function(t, body));
        Linker linker = new Linker();
        AtomicReference<WasmFunction> f = new AtomicReference<>();
        linker.defineFunction("env", "again", new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args) -> f.get().call(args));
        f.set(linker.instantiate(new Store(engine), engine.compile(b.build())).function("f"));
        return f.get();
    }

    @Test
    void reentryThroughTheHostCountsTowardTheDepthLimit() {
        Engine engine = Engine.create(EngineConfig.defaults(Run.KIND).withMaxCallDepth(50));
        WasmFunction f = reentrant(engine);
        assertEquals(49, f.call(49)[0]);
        TrapException e = assertThrows(TrapException.class, () -> f.call(50));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
        assertEquals(50, e.wasmStack().size(), "frames of every nested run are collected");
    }

    @Test
    void jvmStackOverflowBecomesATrap() throws InterruptedException {
        WasmFunction f = reentrant(Run.ENGINE);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                f.call(19_000);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        TrapException e = assertInstanceOf(TrapException.class, outcome.get());
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, e.kind());
        assertEquals(5, f.call(5)[0]);
    }

    @Test
    void callsAcrossInstancesSwitchMemory() {
        // Module A: get(addr) loads from A's memory, which holds 7 at 0.
        WasmBuilder a = new WasmBuilder();
        a.memory(1, -1);
        a.activeData(0, new byte[] {7});
        int get = a.function(a.type("i", "i"), Code.of().get(0).mem(Opcode.I32_LOAD8_U, 0));
        int boom = a.function(a.type("", ""), Code.of().op(Opcode.UNREACHABLE));
        a.exportFunction("get", get).exportFunction("boom", boom).name(get, "get").name(boom, "boom");
        Store store = new Store(Run.ENGINE);
        Linker linker = new Linker();
        Instance ia = linker.instantiate(store, Run.ENGINE.compile(a.build()));
        linker.defineInstance("a", ia);

        // Module B: its own memory holds 9 at 0; sum() = a.get(0) * 10 + own load(0).
        WasmBuilder b = new WasmBuilder();
        int importedGet = b.importFunction("a", "get", b.type("i", "i"));
        int importedBoom = b.importFunction("a", "boom", b.type("", ""));
        b.memory(1, -1);
        b.activeData(0, new byte[] {9});
        int sum = b.function(b.type("", "i"), Code.of().i32(0).call(importedGet).i32(10).op(Opcode.I32_MUL)
                .i32(0).mem(Opcode.I32_LOAD8_U, 0).op(Opcode.I32_ADD));
        int fail = b.function(b.type("", ""), Code.of().call(importedBoom));
        b.exportFunction("sum", sum).exportFunction("fail", fail).name(fail, "fail");
        Instance ib = linker.instantiate(store, Run.ENGINE.compile(b.build()));
        assertEquals(79, ib.function("sum").call()[0]);
        TrapException e = assertThrows(TrapException.class, () -> ib.function("fail").call());
        assertEquals(List.of("func 1 ($boom)", "func 3 ($fail)"), e.wasmStack());
    }

    @Test
    void funcrefTableSharedBetweenInstances() {
        // Module A owns table "t" with its function at 0 (reads A's memory) and calls table[i]().
        WasmBuilder a = new WasmBuilder();
        a.memory(1, -1);
        a.activeData(0, new byte[] {1});
        int tab = a.table(ValType.FUNCREF, 2, -1);
        int v = a.type("", "i");
        int own = a.function(v, Code.of().i32(0).mem(Opcode.I32_LOAD8_U, 0));
        a.activeElements(tab, 0, own);
        int callAt = a.function(a.type("i", "i"), Code.of().get(0).op(Opcode.CALL_INDIRECT, v, tab));
        a.exportTable("t", tab).exportFunction("callAt", callAt);
        Store store = new Store(Run.ENGINE);
        Linker linker = new Linker();
        Instance ia = linker.instantiate(store, Run.ENGINE.compile(a.build()));
        linker.defineInstance("a", ia);

        // Module B imports the table, puts its own function (reads B's memory) at 1 and calls both.
        WasmBuilder b = new WasmBuilder();
        int imported = b.importTable("a", "t", ValType.FUNCREF, 2, -1);
        b.memory(1, -1);
        b.activeData(0, new byte[] {2});
        int bv = b.type("", "i");
        int mine = b.function(bv, Code.of().i32(0).mem(Opcode.I32_LOAD8_U, 0));
        b.activeElements(imported, 1, mine);
        int callAt2 = b.function(b.type("i", "i"), Code.of().get(0).op(Opcode.CALL_INDIRECT, bv, imported));
        b.exportFunction("callAt", callAt2);
        Instance ib = linker.instantiate(store, Run.ENGINE.compile(b.build()));

        assertEquals(1, ib.function("callAt").call(0)[0], "A's function runs against A's memory");
        assertEquals(2, ia.function("callAt").call(1)[0], "B's function runs against B's memory");
        assertEquals(2, ib.function("callAt").call(1)[0]);
    }

    @Test
    void simdRunsBesideScalarCode() {
        WasmBuilder b = new WasmBuilder();
        // f(x) = x == 0 ? 1 : i32x4.extract_lane 3 (i32x4.splat x)
        Code body = Code.of().get(0).op(Opcode.I32_EQZ).block(Opcode.IF, ValType.I32).i32(1).op(Opcode.ELSE)
                .get(0).op(Opcode.I32X4_SPLAT).op(Opcode.I32X4_EXTRACT_LANE, 3).end();
        b.exportFunction("f", b.function(b.type("i", "i"), body));
        WasmFunction f = Run.instantiate(b.build()).function("f");
        assertEquals(1, f.call(0)[0]);
        assertEquals(-7, f.call(-7)[0]);
    }
}
