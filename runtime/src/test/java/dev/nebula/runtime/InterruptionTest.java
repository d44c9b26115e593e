package dev.nebula.runtime;

import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's interrupt flag and deadline timer; engines' polling of it is tested with each engine. */
class InterruptionTest {

    private static final Engine ENGINE = CodelessEngine.create();

    @Test
    void aDeadlineRaisesTheFlagOnceItPasses() throws InterruptedException {
        Store store = new Store(ENGINE);
        store.setDeadline(Duration.ofHours(1));
        assertFalse(store.interrupted(), "not before the deadline");
        store.setDeadline(Duration.ofMillis(20));
        long start = System.nanoTime();
        while (!store.interrupted() && System.nanoTime() - start < 10_000_000_000L) Thread.sleep(1);
        assertTrue(store.interrupted());
        TrapException trap = assertThrows(TrapException.class, store::checkInterrupted);
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
        assertEquals("interrupted", trap.specMessage());
    }

    @Test
    void clearingTakesBackTheDeadlineAndTheInterruption() throws InterruptedException {
        Store store = new Store(ENGINE);
        store.setDeadline(Duration.ofMillis(30));
        store.clearDeadline();
        Thread.sleep(100);
        assertFalse(store.interrupted(), "a cleared deadline never fires");
        store.interrupt();
        assertTrue(store.interrupted());
        store.clearDeadline();
        assertFalse(store.interrupted());
    }

    @Test
    void aZeroDeadlineInterruptsAtOnceAndANewDeadlineStartsAfresh() {
        Store store = new Store(ENGINE);
        store.setDeadline(Duration.ZERO);
        assertTrue(store.interrupted());
        store.setDeadline(Duration.ofDays(365_000_000L));
        assertFalse(store.interrupted(), "a new deadline clears the old interruption; an absurd one does not overflow");
        store.clearDeadline();
    }

    @Test
    void enteringACallOfAnInterruptedStoreTrapsAndKeepsTheDepth() {
        Store store = new Store(ENGINE);
        store.interrupt();
        TrapException trap = assertThrows(TrapException.class, store::enterCall);
        assertEquals(TrapKind.INTERRUPTED, trap.kind());
        assertEquals(0, store.callDepth());
    }
}
