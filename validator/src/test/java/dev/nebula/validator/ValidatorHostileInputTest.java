package dev.nebula.validator;

import dev.nebula.decoder.testkit.HostileModules;
import dev.nebula.decoder.testkit.HostileModules.Decoding;
import dev.nebula.decoder.testkit.HostileModules.HostileInput;
import dev.nebula.decoder.testkit.SampleModules;
import dev.nebula.decoder.testkit.TypedOutcome;
import dev.nebula.wasm.MalformedModuleException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The decoder's hostile inputs (huge claims, 16 MiB files, a million nested blocks) and every
 * prefix of the sample modules, decoded and then validated: a typed outcome within the time
 * limit, so validation too must size nothing by a count and recurse on nothing by nesting.
 */
class ValidatorHostileInputTest {

    @TestFactory
    Stream<DynamicTest> eachHostileInputGetsATypedOutcome() {
        return HostileModules.all().stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> check(input)));
    }

    @TestFactory
    Stream<DynamicTest> everyPrefixOfTheSampleModulesGetsATypedOutcome() {
        return SampleModules.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] module = e.getValue();
            for (int length = 0; length <= module.length; length++) DecodeThenValidate.outcomeOf(Arrays.copyOf(module, length));
        }));
    }

    private static void check(HostileInput input) {
        TypedOutcome.Outcome outcome = DecodeThenValidate.outcomeOf(input.bytes().get());
        if (input.decoding() == Decoding.MALFORMED) assertInstanceOf(MalformedModuleException.class, outcome.error());
    }
}
