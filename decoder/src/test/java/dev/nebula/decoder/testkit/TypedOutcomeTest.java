package dev.nebula.decoder.testkit;

import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robustness tests are only as good as this guard: it must fail on every outcome but the typed ones. */
class TypedOutcomeTest {

    private static final byte[] INPUT = {1, 2, 3};
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final List<Class<? extends dev.nebula.wasm.WasmException>> MALFORMED_ONLY =
            List.of(MalformedModuleException.class);

    @Test
    void passesAResultThrough() {
        TypedOutcome.Outcome outcome = TypedOutcome.of(INPUT, b -> b.length, MALFORMED_ONLY, SHORT);
        assertTrue(outcome.succeeded());
        assertEquals(3, outcome.result());
    }

    @Test
    void acceptsAnAllowedTypedException() {
        TypedOutcome.Outcome outcome = TypedOutcome.of(INPUT, b -> {
            throw new MalformedModuleException("unexpected end", 3);
        }, MALFORMED_ONLY, SHORT);
        assertFalse(outcome.succeeded());
        assertInstanceOf(MalformedModuleException.class, outcome.error());
    }

    @Test
    void failsOnATypedExceptionThatIsNotAllowed() {
        assertFails(b -> {
            throw new InvalidModuleException("type mismatch", null);
        }, "InvalidModuleException");
    }

    @Test
    void failsOnAnUntypedException() {
        assertFails(b -> b[10], "ArrayIndexOutOfBoundsException");
    }

    @Test
    void failsOnAStackOverflow() {
        assertFails(TypedOutcomeTest::recurse, "StackOverflowError");
    }

    @Test
    void failsOnAHangAfterTheLimit() {
        // The guard cancels the work on timeout; this "hang" honours that, so no thread spins on
        // for the rest of the run (a real hang in a decoder would not, and that is acceptable).
        assertFails(b -> {
            while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            return null;
        }, "no outcome within 300 ms");
    }

    private static void assertFails(Function<byte[], ?> pipeline, String expectedInMessage) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TypedOutcome.of(INPUT, pipeline, MALFORMED_ONLY, SHORT));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
        assertTrue(e.getMessage().contains("01 02 03"), "the input is shown for replay: " + e.getMessage());
    }

    private static Object recurse(byte[] b) {
        return recurse(b) == null ? null : b;
    }
}
