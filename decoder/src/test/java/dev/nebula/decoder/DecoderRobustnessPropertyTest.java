package dev.nebula.decoder;

import dev.nebula.decoder.testkit.ModuleInputProviders;
import dev.nebula.decoder.testkit.Mutant;
import dev.nebula.decoder.testkit.TypedOutcome;
import dev.nebula.wasm.MalformedModuleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the bytes, {@link ModuleDecoder#decode} returns a module or throws a
 * {@code MalformedModuleException} whose offset lies inside the input, within
 * {@link TypedOutcome#LIMIT}: never another exception, an error, or a hang. Tries are kept
 * modest so the decoder's tests stay well under a minute.
 */
class DecoderRobustnessPropertyTest extends ModuleInputProviders {

    @Property(tries = 1000)
    void anyBytes(@ForAll("anyBytes") byte[] input) {
        decodeWithinTheRules(input);
    }

    @Property(tries = 1000)
    void anyBytesAfterAValidHeader(@ForAll("headerThenAnyBytes") byte[] input) {
        decodeWithinTheRules(input);
    }

    @Property(tries = 1000)
    void wellFramedSectionsOfJunk(@ForAll("framedSectionsOfJunk") byte[] input) {
        decodeWithinTheRules(input);
    }

    @Property(tries = 1000)
    void functionsOfRandomInstructions(@ForAll("functionOfRandomInstructions") byte[] input) {
        decodeWithinTheRules(input);
    }

    @Property(tries = 1000)
    void mutantsOfSmallValidModules(@ForAll("mutantsOfSamples") Mutant mutant) {
        decodeWithinTheRules(mutant.bytes());
    }

    @Property(tries = 300)
    void mutantsOfSightglassModules(@ForAll("mutantsOfSightglass") Mutant mutant) {
        decodeWithinTheRules(mutant.bytes());
    }

    /** A module or a malformed-module error in time, and an error points into the input. */
    private static void decodeWithinTheRules(byte[] input) {
        TypedOutcome.Outcome outcome = TypedOutcome.ofDecoding(input);
        if (!outcome.succeeded()) {
            long offset = ((MalformedModuleException) outcome.error()).offset();
            assertTrue(offset >= 0 && offset <= input.length,
                    () -> "offset " + offset + " outside the " + input.length + "-byte input: " + outcome.error().getMessage());
        }
    }
}
