package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapException;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Loads, stores, memory.size/grow and bulk memory (spec 4.4.7). */
class MemoryTest {

    /** A module with one page (max 3) and functions load(addr)/store(addr, v) for {@code load}/{@code store} at {@code offset}. */
    private static Instance loadStore(Opcode load, Opcode store, long offset, String value) {
        return loadStore(load, store, offset, value, 0);
    }

    /** {@link #loadStore} whose load and store functions first make {@code padding} loads of address 0. */
    private static Instance loadStore(Opcode load, Opcode store, long offset, String value, int padding) {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, 3).exportMemory("mem");
        int loadType = b.type("i", value);
        int storeType = b.type("i" + value, "");
        Code loadCode = Code.of();
        Code storeCode = Code.of();
        for (int n = 0; n < padding; n++) {
            loadCode.i32(0).mem(Opcode.I32_LOAD8_U, 0).op(Opcode.DROP);
            storeCode.i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP);
        }
        b.exportFunction("load", b.function(loadType, loadCode.get(0).mem(load, offset)));
        b.exportFunction("store", b.function(storeType, storeCode.get(0).get(1).mem(store, offset)));
        b.exportFunction("grow", b.function(b.type("i", "i"), Code.of().get(0).op(Opcode.MEMORY_GROW)));
        b.exportFunction("size", b.function(b.type("", "i"), Code.of().op(Opcode.MEMORY_SIZE)));
        return Run.instantiate(b.build());
    }

    @Test
    void storesAreLittleEndianAndLoadsExtendAsTold() {
        Instance i = loadStore(Opcode.I32_LOAD, Opcode.I32_STORE, 0, "i");
        i.function("store").call(8, 0x8081_8283L);
        byte[] bytes = i.memory("mem").read(8, 4);
        assertArrayEquals(new byte[] {(byte) 0x83, (byte) 0x82, (byte) 0x81, (byte) 0x80}, bytes);
        assertEquals(0x8081_8283, (int) i.function("load").call(8)[0]);

        Instance int8 = loadStore(Opcode.I64_LOAD8_S, Opcode.I64_STORE8, 0, "l");
        int8.function("store").call(0, 0x183L);
        assertEquals(-125L, int8.function("load").call(0)[0]);
        Instance narrow = loadStore(Opcode.I32_LOAD16_U, Opcode.I32_STORE16, 0, "i");
        narrow.function("store").call(0, 0xFFFF_8001L);
        assertEquals(0x8001, narrow.function("load").call(0)[0]);
        Instance signed = loadStore(Opcode.I32_LOAD16_S, Opcode.I32_STORE16, 0, "i");
        signed.function("store").call(0, 0x8001);
        assertEquals(-32767, signed.function("load").call(0)[0]);
        Instance wide = loadStore(Opcode.I64_LOAD32_U, Opcode.I64_STORE32, 0, "l");
        wide.function("store").call(0, -1L);
        assertEquals(0xFFFF_FFFFL, wide.function("load").call(0)[0]);
        Instance f64 = loadStore(Opcode.F64_LOAD, Opcode.F64_STORE, 0, "d");
        f64.function("store").call(16, 0x7FF4_0000_0000_0001L);
        assertEquals(0x7FF4_0000_0000_0001L, f64.function("load").call(16)[0]);
        Instance f32 = loadStore(Opcode.F32_LOAD, Opcode.F32_STORE, 0, "f");
        f32.function("store").call(16, 0xFFA0_0001L);
        assertEquals(0xFFA0_0001L, f32.function("load").call(16)[0]);
    }

    @Test
    void effectiveAddressIsUnsignedAndBoundsChecked() {
        Instance i = loadStore(Opcode.I32_LOAD, Opcode.I32_STORE, 4, "i");
        WasmFunction load = i.function("load");
        assertEquals(0, load.call(65536 - 8)[0]);
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> load.call(65536 - 7));
        // -1 is address 2^32 - 1: with the offset the sum must not wrap around to a small address.
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> load.call(-1));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("store").call(65533, 1));
        Instance far = loadStore(Opcode.I64_LOAD, Opcode.I64_STORE, 0xFFFF_FFFFL, "l");
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> far.function("load").call(1));
        Instance bytes = loadStore(Opcode.I32_LOAD8_U, Opcode.I32_STORE8, 0, "i");
        assertEquals(0, bytes.function("load").call(65535)[0]);
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> bytes.function("load").call(65536));
    }

    /**
     * The bounds check still traps, with the right kind and before a store writes, once the JIT
     * has compiled the access hot (the AOT engine leaves the check to the JVM's own array check
     * and turns its exception into the trap; a compiled method must not lose that on the way).
     * Offset 8 and offset 0 both: with offset 0 a base at or above 2^31 is left to the JVM's
     * check alone, as a negative index.
     */
    @Test
    void outOfBoundsTrapsAfterTheAccessRanHotInBounds() {
        outOfBoundsTrapsAfterHotAccesses(8);
        outOfBoundsTrapsAfterHotAccesses(0);
    }

    private void outOfBoundsTrapsAfterHotAccesses(int offset) {
        Instance i = loadStore(Opcode.I64_LOAD, Opcode.I64_STORE, offset, "l");
        WasmFunction load = i.function("load");
        WasmFunction store = i.function("store");
        for (int n = 0; n < 60_000; n++) {
            int address = (n * 8) & 0x7FF8;
            store.call(address, n);
            assertEquals(n, load.call(address)[0]);
        }
        long end = 65536 - offset;
        for (long address : new long[] {end - 7, end, -8, -9, -1, 0x7FFF_FFF8L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFF0L}) {
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> load.call(address));
            assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> store.call(address, -1L));
        }
        assertEquals(0, load.call(end - 8)[0]);
        byte[] tail = i.memory("mem").read(65536 - 16, 16);
        assertArrayEquals(new byte[16], tail, "a store that trapped wrote nothing (offset " + offset + ")");
    }

    /**
     * The same rules in functions with many accesses, which the AOT engine compiles with the
     * accesses in line (its {@code MemoryEmitter}) instead of helper calls: with 111 accesses
     * because C2 would stop inlining that many helpers (its inlining budget), with 161 because
     * there are 150 or more: every width and extension, the unsigned effective address with an
     * offset that could wrap, the trap's kind and frame, and a trapping store writing nothing,
     * before and after the JIT compiled the code hot.
     */
    @Test
    void functionsWithManyAccessesFollowTheSameRules() {
        functionsWithManyAccessesFollowTheSameRules(110);
        functionsWithManyAccessesFollowTheSameRules(160);
    }

    private void functionsWithManyAccessesFollowTheSameRules(int padding) {
        Object[][] cases = {
            {Opcode.I32_LOAD, Opcode.I32_STORE, "i", 0x8081_8283L, 0xFFFF_FFFF_8081_8283L},
            {Opcode.I32_LOAD8_S, Opcode.I32_STORE8, "i", 0x183L, 0xFFFF_FFFF_FFFF_FF83L},
            {Opcode.I32_LOAD8_U, Opcode.I32_STORE8, "i", 0x183L, 0x83L},
            {Opcode.I32_LOAD16_S, Opcode.I32_STORE16, "i", 0x1_8001L, 0xFFFF_FFFF_FFFF_8001L},
            {Opcode.I32_LOAD16_U, Opcode.I32_STORE16, "i", 0x1_8001L, 0x8001L},
            {Opcode.I64_LOAD, Opcode.I64_STORE, "l", 0x8000_0000_0000_0001L, 0x8000_0000_0000_0001L},
            {Opcode.I64_LOAD8_S, Opcode.I64_STORE8, "l", 0x183L, -125L},
            {Opcode.I64_LOAD8_U, Opcode.I64_STORE8, "l", 0x183L, 0x83L},
            {Opcode.I64_LOAD16_S, Opcode.I64_STORE16, "l", 0x1_8001L, -32767L},
            {Opcode.I64_LOAD16_U, Opcode.I64_STORE16, "l", 0x1_8001L, 0x8001L},
            {Opcode.I64_LOAD32_S, Opcode.I64_STORE32, "l", 0x1_8000_0001L, 0xFFFF_FFFF_8000_0001L},
            {Opcode.I64_LOAD32_U, Opcode.I64_STORE32, "l", 0x1_8000_0001L, 0x8000_0001L},
            {Opcode.F32_LOAD, Opcode.F32_STORE, "f", 0xFFA0_0001L, 0xFFA0_0001L},
            {Opcode.F64_LOAD, Opcode.F64_STORE, "d", 0x7FF4_0000_0000_0001L, 0x7FF4_0000_0000_0001L},
        };
        for (Object[] c : cases) {
            Opcode load = (Opcode) c[0];
            for (long offset : new long[] {0, 8}) {
                Instance i = loadStore(load, (Opcode) c[1], offset, (String) c[2], padding);
                WasmFunction loadFn = i.function("load");
                WasmFunction storeFn = i.function("store");
                storeFn.call(16, (long) c[3]);
                long loaded = loadFn.call(16)[0];
                if (c[2].equals("i")) loaded = (int) loaded;
                if (c[2].equals("f")) loaded &= 0xFFFF_FFFFL;
                assertEquals((long) c[4], loaded, load + " offset " + offset);
                int size = load.name().contains("8") ? 1 : load.name().contains("16") ? 2
                        : load.name().contains("32") || load == Opcode.I32_LOAD || load == Opcode.F32_LOAD ? 4 : 8;
                long last = 65536 - offset - size;
                for (int round = 0; round < (load == Opcode.I64_LOAD ? 2 : 1); round++) {
                    assertEquals(0L, loadFn.call(last)[0], "the last address in bounds");
                    for (long address : new long[] {last + 1, 65536, -1, -8, 0x7FFF_FFF8L, 0x8000_0000L, 0xFFFF_FFF0L}) {
                        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> loadFn.call(address));
                        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> storeFn.call(address, -1L));
                    }
                    if (round == 0 && load == Opcode.I64_LOAD) {
                        // run the code hot, then the same traps again
                        for (int n = 0; n < 60_000; n++) {
                            int address = (n * 8) & 0x7FF8;
                            storeFn.call(address, n);
                            assertEquals(n, loadFn.call(address)[0]);
                        }
                    }
                }
                assertArrayEquals(new byte[16], i.memory("mem").read(65536 - 16, 16), "a store that trapped wrote nothing");
                var trap = org.junit.jupiter.api.Assertions.assertThrows(dev.nebula.wasm.TrapException.class, () -> loadFn.call(65536));
                assertEquals(1, trap.wasmStack().size(), "the trapping function is on the Wasm stack: " + trap.wasmStack());
            }
            // offsets near 2^31 and above: the sum of a base under 2^31 and the offset passes 2^31
            // (a negative int), and a base of 2^31 or more is past any memory, whatever the offset
            for (long offset : new long[] {0x7FFF_FFF0L, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFF0L}) {
                Instance i = loadStore(load, (Opcode) c[1], offset, (String) c[2], padding);
                WasmFunction loadFn = i.function("load");
                WasmFunction storeFn = i.function("store");
                for (long address : new long[] {0, 16, 0x10, 0x7FFF_FFFFL, 0x8000_0000L, 0x8000_0010L, 0xFFFF_FFFFL}) {
                    assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> loadFn.call(address));
                    assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> storeFn.call(address, -1L));
                }
                assertArrayEquals(new byte[65536], i.memory("mem").read(0, 65536), "no trapping store wrote (padding " + padding + ", offset " + offset + ")");
            }
        }
    }

    /**
     * Accesses through one address within a straight run of code (the list walks'
     * {@code next = p->next; p->next = prev}): each access of such a run must trap exactly where
     * it is out of bounds, with its kind and frame, an earlier store keeping what it wrote and the
     * trapping one writing nothing, also when the address local was written in between, when the
     * address is an operand read before such a write, and across a join or an else arm. Written
     * for an AOT change that skipped the checks an earlier access of the run had already made
     * (measured and dropped: bench/RESULTS.md, "CoreMark's list walks: one bounds check per
     * address"); it failed on that change with its invalidation removed. Paddings 110 and 160 put
     * the functions over both of the AOT engine's in-line rules.
     */
    @Test
    void accessesThroughOneAddressInOneRunTrapExactly() {
        for (int padding : new int[] {0, 110, 160}) {
            WasmBuilder b = new WasmBuilder();
            b.memory(1, 3).exportMemory("mem");
            Code[] bodies = new Code[6];
            for (int f = 0; f < bodies.length; f++) {
                bodies[f] = Code.of();
                for (int n = 0; n < padding; n++) bodies[f].i32(0).mem(Opcode.I32_LOAD8_U, 0).op(Opcode.DROP);
            }
            // run(p, v): t = load(p + 4); store(p, v); t += load8_u(p + 7); store(p + 8, v); t
            bodies[0].get(0).mem(Opcode.I32_LOAD, 4).set(2)
                    .get(0).get(1).mem(Opcode.I32_STORE, 0)
                    .get(0).mem(Opcode.I32_LOAD8_U, 7).get(2).op(Opcode.I32_ADD).set(2)
                    .get(0).get(1).mem(Opcode.I32_STORE, 8)
                    .get(2);
            // teed(p, v): load(p); store(tee p = p + 4, v); load(p)
            bodies[1].get(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                    .get(0).i32(4).op(Opcode.I32_ADD).tee(0).get(1).mem(Opcode.I32_STORE, 0)
                    .get(0).mem(Opcode.I32_LOAD, 0);
            // stale(p, q): an operand read from p, then p = q and load(p), then a store through the old p
            bodies[2].get(0)
                    .get(1).set(0)
                    .get(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                    .i32(7).mem(Opcode.I32_STORE, 0)
                    .i32(0);
            // joined(p, c): block { br_if 0 (c); load(p) } then store(p, 7): the store is checked
            bodies[3].block(Opcode.BLOCK).get(1).op(Opcode.BR_IF, 0).get(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).end()
                    .get(0).i32(7).mem(Opcode.I32_STORE, 0)
                    .i32(0);
            // set(p, v): load(p); p = p + 4; store(p, v)
            bodies[4].get(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                    .get(0).i32(4).op(Opcode.I32_ADD).set(0)
                    .get(0).get(1).mem(Opcode.I32_STORE, 0)
                    .i32(0);
            // arms(p, c): if (c) { load(p) } else { store(p, 7) }: the else arm is not after the load
            bodies[5].get(1).block(Opcode.IF).get(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                    .op(Opcode.ELSE).get(0).i32(7).mem(Opcode.I32_STORE, 0).end()
                    .i32(0);
            int type = b.type("ii", "i");
            String[] names = {"run", "teed", "stale", "joined", "set", "arms"};
            for (int f = 0; f < bodies.length; f++) b.exportFunction(names[f], b.function(type, "i", bodies[f]));
            Instance i = Run.instantiate(b.build());
            Memory mem = i.memory("mem");
            String where = "padding " + padding;
            for (int round = 0; round < 2; round++) {
                mem.write(0, new byte[32]);
                mem.write(4, new byte[] {1, 2, 3, 4});
                // t = 0x04030201, then + byte 7 (4)
                assertEquals(0x0403_0205L, i.function("run").call(0, 0x1122_3344)[0], where);
                assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11, 1, 2, 3, 4, 0x44, 0x33, 0x22, 0x11}, mem.read(0, 12), where);
                // 65528: every access but the last store is in bounds; the first store stays written
                trapsAndWrites(i, "run", 65528, new byte[] {0x44, 0x33, 0x22, 0x11, 0, 0, 0, 0}, where);
                for (long p : new long[] {65529, 65533, 65536, -1, -4, 0x7FFF_FFFFL, 0x8000_0000L}) {
                    trapsAndWrites(i, "run", p, new byte[8], where + ", p " + p);
                }
                assertEquals(0x1122_3344L, i.function("teed").call(65528, 0x1122_3344)[0], where);
                mem.write(65528, new byte[8]);
                trapsAndWrites(i, "teed", 65532, new byte[8], where);
                trapsAndWrites(i, "set", 65532, new byte[8], where);
                // the old p is out of bounds, q = 0 in bounds: the store through the old p traps
                TrapException stale = assertThrows(TrapException.class, () -> i.function("stale").call(65536, 0));
                assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, stale.kind(), where);
                assertThrows(TrapException.class, () -> i.function("stale").call(-2, 0), where);
                assertEquals(0L, i.function("stale").call(16, 0)[0], where);
                assertEquals(7, mem.read(16, 1)[0], where);
                // the load skipped by the branch: the store is checked
                trapsAndWrites(i, "joined", 65534, new byte[8], where);
                assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("joined").call(65534, 0));
                assertArrayEquals(new byte[8], mem.read(65528, 8), where);
                assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("arms").call(65534, 1));
                assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("arms").call(65534, 0));
                assertArrayEquals(new byte[8], mem.read(65528, 8), where);
                // then hot, and the same again
                for (int n = 0; round == 0 && n < 30_000; n++) {
                    int p = (n * 16) & 0x7FF0;
                    i.function("run").call(p, n);
                    i.function("teed").call(p, n);
                    i.function("set").call(p, n);
                    i.function("stale").call(p, p);
                    i.function("joined").call(p, n & 1);
                    i.function("arms").call(p, n & 1);
                }
                mem.write(65528, new byte[8]);
            }
        }
    }

    /** {@code name(p, 1)} traps out of bounds in its own frame, and leaves memory's last 8 bytes as {@code last8}; then clears them. */
    private static void trapsAndWrites(Instance i, String name, long p, byte[] last8, String where) {
        TrapException trap = assertThrows(TrapException.class, () -> i.function(name).call(p, 0x1122_3344), name + " " + where);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind(), name + " " + where);
        assertEquals(1, trap.wasmStack().size(), "the trapping function is on the Wasm stack: " + trap.wasmStack());
        assertArrayEquals(last8, i.memory("mem").read(65528, 8), name + " " + where + ": what was written before the trap, nothing after");
        i.memory("mem").write(65528, new byte[8]);
    }

    /**
     * A memory grown a page at a time (as Rust's allocator does) may be backed by an array with
     * room beyond its size (the runtime's {@code Memory} reserves it so that growing does not copy
     * every time): accesses must still trap exactly at the size, through helper calls and in-line
     * accesses alike (padding 160 puts a function over the AOT engine's in-line threshold), cold
     * and after the code ran hot, and the pages taken from the reserve read as zero.
     */
    @Test
    void accessesStopAtTheSizeWhileTheArrayHasRoomBeyond() {
        for (int padding : new int[] {0, 160}) {
            WasmBuilder b = new WasmBuilder();
            b.memory(1, -1).exportMemory("mem");
            Code loadCode = Code.of();
            Code storeCode = Code.of();
            for (int n = 0; n < padding; n++) {
                loadCode.i32(0).mem(Opcode.I32_LOAD8_U, 0).op(Opcode.DROP);
                storeCode.i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP);
            }
            b.exportFunction("load", b.function(b.type("i", "l"), loadCode.get(0).mem(Opcode.I64_LOAD, 0)));
            b.exportFunction("load8", b.function(b.type("i", "i"), Code.of().get(0).mem(Opcode.I32_LOAD8_U, 0)));
            b.exportFunction("store", b.function(b.type("il", ""), storeCode.get(0).get(1).mem(Opcode.I64_STORE, 0)));
            b.exportFunction("grow", b.function(b.type("i", "i"), Code.of().get(0).op(Opcode.MEMORY_GROW)));
            Instance i = Run.instantiate(b.build());
            WasmFunction load = i.function("load");
            WasmFunction load8 = i.function("load8");
            WasmFunction store = i.function("store");
            for (int pages = 1; pages <= 6; pages++) {
                long size = pages * 65536L;
                assertEquals(pages, i.memory("mem").pages());
                if (pages == 4 && Run.KIND == EngineKind.AOT) {
                    // the case this test is for: the interpreter asks for an exact array (Memory.buffer)
                    assertTrue(i.memory("mem").storage().length > size, "room beyond the size at 4 pages (grown from 3: a quarter more)");
                }
                for (int round = 0; round < 2; round++) {
                    assertEquals(0L, load.call(size - 8)[0], "the new page reads as zero (" + pages + " pages)");
                    assertEquals(0L, load8.call(size - 1)[0]);
                    for (long address : new long[] {size - 7, size - 1, size, size + 8, size + 65536}) {
                        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> load.call(address));
                        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> store.call(address, -1L));
                    }
                    assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> load8.call(size));
                    if (round == 0 && pages == 4) {
                        for (int n = 0; n < 60_000; n++) {
                            int address = (n * 8) & 0x7FF8;
                            store.call(address, n);
                            assertEquals(n, load.call(address)[0]);
                        }
                    }
                }
                store.call(size - 16, pages);
                assertEquals(pages, i.function("grow").call(1)[0]);
                assertEquals(pages, load.call(size - 16)[0], "the bytes below the old size survive the growth");
            }
        }
    }

    @Test
    void growUpToTheDeclaredMaximumThenFails() {
        Instance i = loadStore(Opcode.I32_LOAD, Opcode.I32_STORE, 0, "i");
        assertEquals(1, i.function("size").call()[0]);
        assertEquals(1, i.function("grow").call(1)[0]);
        assertEquals(2, i.function("size").call()[0]);
        // The code must see the new bytes after grow replaced the buffer.
        i.function("store").call(65536 + 100, 42);
        assertEquals(42, i.function("load").call(65536 + 100)[0]);
        assertEquals(-1, i.function("grow").call(2)[0]);
        assertEquals(2, i.function("grow").call(1)[0]);
        assertEquals(3, i.function("grow").call(0)[0]);
        assertEquals(-1, i.function("grow").call(-1)[0]);
    }

    /**
     * A caller sees memory grown further down its calls: directly in a callee two calls deep,
     * by a host function behind an import, and by a callee reached through call_indirect (the
     * AOT engine re-reads its memory array only after calls that may grow it).
     */
    @Test
    void memoryGrownAnywhereBelowACallIsSeenByTheCaller() {
        WasmBuilder b = new WasmBuilder();
        int none = b.type("", "");
        int growByHost = b.importFunction("env", "grow", none);
        b.memory(1, 4);
        int grow = b.function(none, Code.of().i32(1).op(Opcode.MEMORY_GROW).op(Opcode.DROP));
        int middle = b.function(none, Code.of().call(grow));
        int leaf = b.function(none, Code.of().i32(5).op(Opcode.DROP));
        int table = b.table(ValType.FUNCREF, 1, 1);
        b.activeElements(table, 0, grow);
        // touch(g): load at 0 (the array is in hand), call g's way of growing, call a leaf that
        // cannot grow, then store and load 7 in the page just added
        Code direct = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).call(middle);
        Code viaHost = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).call(growByHost);
        Code indirect = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).i32(0).op(Opcode.CALL_INDIRECT, none, 0);
        for (Code c : new Code[] {direct, viaHost, indirect}) {
            c.call(leaf)
                    .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).i32(8).op(Opcode.I32_SUB).i32(7).mem(Opcode.I32_STORE, 0)
                    .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).i32(8).op(Opcode.I32_SUB).mem(Opcode.I32_LOAD, 0);
        }
        int result = b.type("", "i");
        b.exportFunction("direct", b.function(result, direct));
        b.exportFunction("viaHost", b.function(result, viaHost));
        b.exportFunction("indirect", b.function(result, indirect));
        b.exportMemory("mem");
        Linker linker = new Linker();
        linker.defineFunction("env", "grow", new FuncType(List.of(), List.of()), (caller, args) -> {
            caller.memory("mem").grow(1);
            return new long[0];
        });
        Instance i = linker.instantiate(new Store(Run.ENGINE), Run.ENGINE.compile(b.build()));
        for (String name : List.of("direct", "viaHost", "indirect")) {
            int pages = i.memory("mem").pages();
            assertEquals(7, i.function(name).call()[0], name);
            assertEquals(pages + 1, i.memory("mem").pages(), name);
        }
    }

    /**
     * Direct callees that read and write memory see it exactly as their caller has it now: after
     * the caller grew it, after a callee grew it, after the host grew it between calls; an access
     * past the end traps in the callee with both frames on the Wasm stack, and a store that traps
     * writes nothing. The calls run hot first, so that JIT-compiled code traps too. (Written for
     * an AOT form that handed the caller's memory array and size to direct callees, measured and
     * not kept: bench/RESULTS.md, "CoreMark's matrix loops and core_bench_state's call".)
     */
    @Test
    void directCalleesUseTheMemoryAsItIsAtTheCall() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, 4).exportMemory("mem");
        int none = b.type("", "");
        int toInt = b.type("", "i");
        int peek = b.function(b.type("i", "i"), Code.of().get(0).mem(Opcode.I32_LOAD, 0));
        int poke = b.function(b.type("ii", ""), Code.of().get(0).get(1).mem(Opcode.I32_STORE, 0));
        int grower = b.function(none, Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                .i32(1).op(Opcode.MEMORY_GROW, 0).op(Opcode.DROP));
        // every caller below reads address 0 first, so it holds the memory when it calls
        Code growThenUse = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).i32(1).op(Opcode.MEMORY_GROW, 0).op(Opcode.DROP);
        Code growInCalleeThenUse = Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP).call(grower);
        for (Code c : new Code[] {growThenUse, growInCalleeThenUse}) {
            c.op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).i32(4).op(Opcode.I32_SUB).get(0).call(poke)
                    .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).i32(4).op(Opcode.I32_SUB).call(peek);
        }
        b.exportFunction("growThenUse", b.function(b.type("i", "i"), growThenUse));
        b.exportFunction("growInCalleeThenUse", b.function(b.type("i", "i"), growInCalleeThenUse));
        // the word at (size - back), through peek, and a store of v there through poke
        b.exportFunction("peekBack", b.function(b.type("i", "i"), Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).get(0).op(Opcode.I32_SUB).call(peek)));
        b.exportFunction("pokeBack", b.function(b.type("ii", ""), Code.of().i32(0).mem(Opcode.I32_LOAD, 0).op(Opcode.DROP)
                .op(Opcode.MEMORY_SIZE, 0).i32(65536).op(Opcode.I32_MUL).get(0).op(Opcode.I32_SUB).get(1).call(poke)));
        b.exportFunction("size", b.function(toInt, Code.of().op(Opcode.MEMORY_SIZE, 0)));
        Instance i = Run.instantiate(b.build());
        WasmFunction peekBack = i.function("peekBack");
        WasmFunction pokeBack = i.function("pokeBack");

        assertEquals(9, i.function("growThenUse").call(9)[0]);
        assertEquals(2, i.memory("mem").pages());
        assertEquals(11, i.function("growInCalleeThenUse").call(11)[0]);
        assertEquals(3, i.memory("mem").pages());
        for (int n = 0; n < 30_000; n++) {
            pokeBack.call(8, n);
            assertEquals(n, peekBack.call(8)[0]);
            assertEquals(11, peekBack.call(4)[0]);
        }
        int end = 3 * 65536;
        assertArrayEquals(new byte[] {11, 0, 0, 0}, i.memory("mem").read(end - 4, 4));
        for (int back = 3; back >= 1; back--) {
            int from = back;
            TrapException load = assertThrows(TrapException.class, () -> peekBack.call(from));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, load.kind());
            assertEquals(2, load.wasmStack().size(), "callee and caller: " + load.wasmStack());
            assertEquals("func " + peek, load.wasmStack().get(0));
            TrapException store = assertThrows(TrapException.class, () -> pokeBack.call(from, -1));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, store.kind());
            assertEquals("func " + poke, store.wasmStack().get(0));
            assertEquals(2, store.wasmStack().size(), "callee and caller: " + store.wasmStack());
            assertArrayEquals(new byte[] {11, 0, 0, 0}, i.memory("mem").read(end - 4, 4), "a store that traps writes nothing");
        }

        // grown by the host between calls: the next call starts from the new size
        i.memory("mem").grow(1);
        assertEquals(4, i.function("size").call()[0]);
        assertEquals(0, peekBack.call(4)[0]);
        i.memory("mem").write(4 * 65536 - 4, new byte[] {5, 0, 0, 0});
        assertEquals(5, peekBack.call(4)[0]);
        assertEquals(11, peekBack.call(65536 + 4)[0]);
        // at the declared maximum the grow fails and the size stays
        assertEquals(7, i.function("growThenUse").call(7)[0]);
        assertEquals(4, i.memory("mem").pages());
    }

    @Test
    void growStopsAtTheEnginesPageLimit() {
        Engine engine = Engine.create(EngineConfig.defaults(Run.KIND).withMaxMemoryPages(2));
        WasmBuilder b = new WasmBuilder();
        b.memory(1, -1);
        b.exportFunction("grow", b.function(b.type("i", "i"), Code.of().get(0).op(Opcode.MEMORY_GROW)));
        Instance i = new Linker().instantiate(new Store(engine), engine.compile(b.build()));
        assertEquals(1, i.function("grow").call(1)[0]);
        assertEquals(-1, i.function("grow").call(1)[0]);
    }

    /** memory.init / copy / fill / data.drop: traps come before any write, zero lengths at the end are fine. */
    @Test
    void bulkMemory() {
        WasmBuilder b = new WasmBuilder();
        b.memory(1, 1).exportMemory("mem");
        int segment = b.passiveData(new byte[] {1, 2, 3, 4, 5});
        int three = b.type("iii", "");
        b.exportFunction("init", b.function(three, Code.of().get(0).get(1).get(2).op(Opcode.MEMORY_INIT, segment)));
        b.exportFunction("copy", b.function(three, Code.of().get(0).get(1).get(2).op(Opcode.MEMORY_COPY)));
        b.exportFunction("fill", b.function(three, Code.of().get(0).get(1).get(2).op(Opcode.MEMORY_FILL)));
        b.exportFunction("drop", b.function(b.type("", ""), Code.of().op(Opcode.DATA_DROP, segment)));
        Instance i = Run.instantiate(b.build());
        Memory mem = i.memory("mem");

        i.function("init").call(10, 1, 3);
        assertArrayEquals(new byte[] {0, 2, 3, 4, 0}, mem.read(9, 5));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("init").call(65535, 0, 2));
        assertEquals(0, mem.read(65535, 1)[0], "a trapping init writes nothing");
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("init").call(0, 3, 3));
        i.function("init").call(65536, 5, 0);

        i.function("copy").call(11, 10, 4); // overlapping, upward: as if through a buffer
        assertArrayEquals(new byte[] {2, 2, 3, 4, 0}, mem.read(10, 5));
        i.function("fill").call(100, 0x1FF, 3);
        assertArrayEquals(new byte[] {0, -1, -1, -1, 0}, mem.read(99, 5));
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("fill").call(65530, 7, 7));
        assertEquals(0, mem.read(65530, 1)[0]);
        i.function("fill").call(65536, 7, 0);
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("copy").call(0, 65535, 2));

        i.function("drop").call();
        i.function("init").call(0, 0, 0);
        assertTrap(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, () -> i.function("init").call(0, 0, 1));
    }
}
