package dev.nebula.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestThreadTest {

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void aLargeStackHoldsRecursionThatWouldOverflowADefaultThread() throws Exception {
        assertEquals(2_000_000, GuestThread.callOnce("deep", GuestThread.DEFAULT_STACK_BYTES, () -> depth(2_000_000)));
    }

    @Test
    void whatTheTaskThrowsIsRethrownAsIs() {
        IllegalStateException thrown = new IllegalStateException("guest failed");
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> GuestThread.callOnce("fails", 1 << 20, () -> { throw thrown; })));
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class,
                () -> GuestThread.callOnce("errs", 1 << 20, Duration.ofSeconds(10), () -> { throw error; })));
    }

    @Test
    void aTaskPastItsLimitIsInterruptedAndLeftBehind() {
        long start = System.nanoTime();
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> GuestThread.callOnce("sleeper", 1 << 20, Duration.ofMillis(100), () -> {
                    Thread.sleep(60_000);
                    return null;
                }));
        assertTrue(e.getMessage().contains("sleeper did not finish within 100 ms"), e.getMessage());
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }

    @Test
    void oneWorkerRunsTasksInOrderAndTimesOut() throws Exception {
        GuestThread worker = new GuestThread("worker", 1 << 20);
        assertEquals("a", worker.call(() -> "a", 10_000));
        assertEquals("b", worker.call(() -> "b", 10_000));
        assertThrows(TimeoutException.class, () -> worker.call(() -> {
            Thread.sleep(60_000);
            return null;
        }, 100));
    }
}
