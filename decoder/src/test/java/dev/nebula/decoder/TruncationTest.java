package dev.nebula.decoder;

import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.testkit.ModuleBuilder;
import dev.nebula.decoder.testkit.SampleModules;
import dev.nebula.decoder.testkit.SightglassCorpus;
import dev.nebula.decoder.testkit.TypedOutcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A valid module cut off at any byte is malformed, unless the cut falls exactly between two
 * sections: then the prefix may itself be a module. Every cut must give a typed outcome.
 */
class TruncationTest {

    /** Small enough that cutting at every offset stays quick; big enough to be a real compiler's output. */
    private static final long LARGEST_SIGHTGLASS_MODULE = 16 * 1024;

    @TestFactory
    Stream<DynamicTest> everyPrefixOfTheSampleModules() {
        return SampleModules.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkEveryPrefix(e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> everyPrefixOfSmallSightglassModules() {
        return SightglassCorpus.modulesUpTo(LARGEST_SIGHTGLASS_MODULE).stream()
                .map(p -> DynamicTest.dynamicTest(SightglassCorpus.nameOf(p), () -> checkEveryPrefix(SightglassCorpus.read(p))));
    }

    private static void checkEveryPrefix(byte[] module) {
        Set<Integer> sectionBoundaries = new HashSet<>();
        sectionBoundaries.add(ModuleBuilder.HEADER.length);
        for (SectionInfo s : decodes(module).sections()) sectionBoundaries.add(s.contentStart() + s.size());
        for (int length = 0; length < module.length; length++) {
            TypedOutcome.Outcome outcome = TypedOutcome.ofDecoding(Arrays.copyOf(module, length));
            if (!sectionBoundaries.contains(length)) {
                int cut = length;
                assertFalse(outcome.succeeded(), () -> "a cut inside a section decoded: first " + cut + " bytes");
            }
        }
    }
}
