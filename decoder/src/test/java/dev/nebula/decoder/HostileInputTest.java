package dev.nebula.decoder;

import dev.nebula.decoder.testkit.HostileModules;
import dev.nebula.decoder.testkit.HostileModules.Decoding;
import dev.nebula.decoder.testkit.HostileModules.HostileInput;
import dev.nebula.decoder.testkit.TypedOutcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Empty, huge-claiming, 16 MiB and deeply nested inputs decode to a module or a malformed-module
 * error as {@link HostileModules} says, within {@link TypedOutcome#LIMIT}: a count is never
 * trusted to size an allocation, and nesting is counted, not recursed.
 */
class HostileInputTest {

    @TestFactory
    Stream<DynamicTest> eachHostileInputGetsItsTypedOutcome() {
        return HostileModules.all().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> check(input)));
    }

    private static void check(HostileInput input) {
        TypedOutcome.Outcome outcome = TypedOutcome.ofDecoding(input.bytes().get());
        Decoding actual = outcome.succeeded() ? Decoding.MODULE : Decoding.MALFORMED;
        assertEquals(input.decoding(), actual, () -> outcome.succeeded() ? "decoded" : outcome.error().getMessage());
    }
}
