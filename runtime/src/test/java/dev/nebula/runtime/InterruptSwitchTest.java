package dev.nebula.runtime;

import dev.nebula.runtime.ops.InterruptSwitch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard in front of compiled polls: on at an interrupt, off only when that is safe and quiet. */
class InterruptSwitchTest {

    private static final Engine ENGINE = CodelessEngine.create();

    @Test
    void theGuardStaysOnWhileAnInterruptedStoreRunsCompiledCodeAndTurnsOffAfter() throws InterruptedException {
        Store store = new Store(ENGINE);
        store.enterCompiledCode();
        long flips = InterruptSwitch.flips();
        store.interrupt();
        assertTrue(InterruptSwitch.isOn(), "on at once");
        assertTrue(InterruptSwitch.mayBeInterrupted(), "and the guard says so");
        Thread.sleep(InterruptSwitch.QUIET.toMillis() * 2 + 500);
        assertTrue(InterruptSwitch.isOn(), "still on: the interrupted store's code has not seen its flag yet");
        store.exitCompiledCode();
        long until = System.nanoTime() + 20_000_000_000L;
        while (InterruptSwitch.isOn() && System.nanoTime() < until) Thread.sleep(50);
        assertFalse(InterruptSwitch.isOn(), "off once the store runs no compiled code");
        assertFalse(InterruptSwitch.mayBeInterrupted());
        assertTrue(InterruptSwitch.flips() >= flips + 1);
    }

    @Test
    void aClearedStoreLetsTheGuardTurnOffWhileItsCodeRuns() throws InterruptedException {
        Store store = new Store(ENGINE);
        store.enterCompiledCode();
        store.interrupt();
        assertTrue(InterruptSwitch.isOn());
        store.clearDeadline();
        long until = System.nanoTime() + 20_000_000_000L;
        while (InterruptSwitch.isOn() && System.nanoTime() < until) Thread.sleep(50);
        assertFalse(InterruptSwitch.isOn(), "off: the running code need not stop any more");
        store.exitCompiledCode();
    }
}
