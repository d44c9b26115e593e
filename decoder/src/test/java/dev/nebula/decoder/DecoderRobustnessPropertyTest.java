package dev.nebula.decoder;

import dev.nebula.decoder.testkit.ModuleArbitraries;
import dev.nebula.decoder.testkit.Mutant;
import dev.nebula.decoder.testkit.TypedOutcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the bytes, {@link ModuleDecoder#decode} returns a module or throws a
 * {@code MalformedModuleException}, within {@link TypedOutcome#LIMIT}: never another exception,
 * an error, or a hang. Tries are kept modest so the decoder's tests stay well under a minute.
 */
class DecoderRobustnessPropertyTest {

    @Property(tries = 1000)
    void anyBytes(@ForAll("anyBytes") byte[] input) {
        TypedOutcome.ofDecoding(input);
    }

    @Property(tries = 1000)
    void anyBytesAfterAValidHeader(@ForAll("headerThenAnyBytes") byte[] input) {
        TypedOutcome.ofDecoding(input);
    }

    @Property(tries = 1000)
    void wellFramedSectionsOfJunk(@ForAll("framedSectionsOfJunk") byte[] input) {
        TypedOutcome.ofDecoding(input);
    }

    @Property(tries = 1000)
    void functionsOfRandomInstructions(@ForAll("functionOfRandomInstructions") byte[] input) {
        TypedOutcome.ofDecoding(input);
    }

    @Property(tries = 1000)
    void mutantsOfSmallValidModules(@ForAll("mutantsOfSamples") Mutant mutant) {
        TypedOutcome.ofDecoding(mutant.bytes());
    }

    @Property(tries = 300)
    void mutantsOfSightglassModules(@ForAll("mutantsOfSightglass") Mutant mutant) {
        TypedOutcome.ofDecoding(mutant.bytes());
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return ModuleArbitraries.anyBytes(600);
    }

    @Provide
    Arbitrary<byte[]> headerThenAnyBytes() {
        return ModuleArbitraries.headerThenAnyBytes(600);
    }

    @Provide
    Arbitrary<byte[]> framedSectionsOfJunk() {
        return ModuleArbitraries.framedSectionsOfJunk();
    }

    @Provide
    Arbitrary<byte[]> functionOfRandomInstructions() {
        return ModuleArbitraries.functionOfRandomInstructions();
    }

    @Provide
    Arbitrary<Mutant> mutantsOfSamples() {
        return ModuleArbitraries.mutantsOfSamples();
    }

    @Provide
    Arbitrary<Mutant> mutantsOfSightglass() {
        return ModuleArbitraries.mutantsOfSightglass(Long.MAX_VALUE);
    }
}
