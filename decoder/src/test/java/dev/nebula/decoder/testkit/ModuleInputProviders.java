package dev.nebula.decoder.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/**
 * The named generators the robustness properties draw from, for property classes to extend
 * (jqwik finds {@code @Provide} methods in superclasses), so the decoder's and the validator's
 * properties name the same inputs the same way.
 */
public abstract class ModuleInputProviders {

    @Provide
    public Arbitrary<byte[]> anyBytes() {
        return ModuleArbitraries.anyBytes(600);
    }

    @Provide
    public Arbitrary<byte[]> headerThenAnyBytes() {
        return ModuleArbitraries.headerThenAnyBytes(600);
    }

    @Provide
    public Arbitrary<byte[]> framedSectionsOfJunk() {
        return ModuleArbitraries.framedSectionsOfJunk();
    }

    @Provide
    public Arbitrary<byte[]> functionOfRandomInstructions() {
        return ModuleArbitraries.functionOfRandomInstructions();
    }

    @Provide
    public Arbitrary<Mutant> mutantsOfSamples() {
        return ModuleArbitraries.mutantsOfSamples();
    }

    @Provide
    public Arbitrary<Mutant> mutantsOfSightglass() {
        return ModuleArbitraries.mutantsOfSightglass();
    }
}
