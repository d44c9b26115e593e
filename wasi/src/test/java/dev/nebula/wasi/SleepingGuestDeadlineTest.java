package dev.nebula.wasi;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.text.WatParser;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guest asleep in {@code poll_oneoff} never reaches the engines' deadline polls (they sit at
 * branches and calls), so the sleep itself must notice the store's deadline: a one-minute sleep
 * under a 200 ms deadline ends in an {@code INTERRUPTED} trap within a few seconds.
 */
class SleepingGuestDeadlineTest {

    /** Sleeps 60 s on the monotonic clock: one clock subscription at 0, its event written at 64. */
    private static final byte[] SLEEPER = WatParser.parse("""
            (module
              (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              ;; subscription: userdata 0, tag 0 (clock); clock id 1 (monotonic) at 16;
              ;; timeout 60,000,000,000 ns (0xDF8475800) at 24; flags 0 (relative)
              (data (i32.const 16) "\\01\\00\\00\\00\\00\\00\\00\\00\\00\\58\\47\\f8\\0d\\00\\00\\00")
              (func (export "_start")
                (drop (call $poll (i32.const 0) (i32.const 64) (i32.const 1) (i32.const 128)))))
            """);

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"INTERPRETER", "AOT"})
    void aSleepingGuestStopsAtItsDeadline(EngineKind kind) {
        Engine engine = Engine.create(EngineConfig.defaults(kind));
        try (Wasi wasi = new Wasi(WasiConfig.builder().build())) {
            Store store = new Store(engine);
            Instance instance = wasi.define(new Linker()).instantiate(store, engine.compile(SLEEPER));
            store.setDeadline(Duration.ofMillis(200));
            long start = System.nanoTime();
            TrapException trap = assertThrows(TrapException.class, () -> wasi.run(instance));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(TrapKind.INTERRUPTED, trap.kind());
            assertTrue(tookMillis < 10_000, "the 60 s sleep ended only after " + tookMillis + " ms");
        }
    }
}
