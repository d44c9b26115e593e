package dev.nebula.validator;

import dev.nebula.decoder.testkit.ModuleInputProviders;
import dev.nebula.decoder.testkit.Mutant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever the bytes, decoding then validating gives a validated module, a malformed-module or
 * an invalid-module error within the time limit: never another exception, an error or a hang.
 * The generators are the decoder's (its test-jar); here most of their output that decodes
 * reaches the validator's typing rules, the functions of random instructions above all.
 */
class ValidatorRobustnessPropertyTest extends ModuleInputProviders {

    @Property(tries = 300)
    void anyBytes(@ForAll("anyBytes") byte[] input) {
        DecodeThenValidate.outcomeOf(input);
    }

    @Property(tries = 500)
    void anyBytesAfterAValidHeader(@ForAll("headerThenAnyBytes") byte[] input) {
        DecodeThenValidate.outcomeOf(input);
    }

    @Property(tries = 1000)
    void wellFramedSectionsOfJunk(@ForAll("framedSectionsOfJunk") byte[] input) {
        DecodeThenValidate.outcomeOf(input);
    }

    @Property(tries = 2000)
    void functionsOfRandomInstructions(@ForAll("functionOfRandomInstructions") byte[] input) {
        DecodeThenValidate.outcomeOf(input);
    }

    @Property(tries = 1000)
    void mutantsOfSmallValidModules(@ForAll("mutantsOfSamples") Mutant mutant) {
        DecodeThenValidate.outcomeOf(mutant.bytes());
    }

    @Property(tries = 300)
    void mutantsOfSightglassModules(@ForAll("mutantsOfSightglass") Mutant mutant) {
        DecodeThenValidate.outcomeOf(mutant.bytes());
    }
}
