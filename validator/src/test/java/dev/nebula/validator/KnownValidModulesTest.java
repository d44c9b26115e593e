package dev.nebula.validator;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.testkit.SampleModules;
import dev.nebula.decoder.testkit.SightglassCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Modules known to be valid (the hand-built samples, checked with wabt's wasm-validate, and the
 * Sightglass programs, real toolchain output) pass validation with a stack height per body.
 * This also keeps the robustness properties honest: their seeds are valid to begin with.
 */
class KnownValidModulesTest {

    @TestFactory
    Stream<DynamicTest> sampleModulesValidate() {
        return SampleModules.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> sightglassModulesValidate() {
        return SightglassCorpus.modules().stream()
                .map(p -> DynamicTest.dynamicTest(SightglassCorpus.nameOf(p), () -> check(SightglassCorpus.read(p))));
    }

    private static void check(byte[] bytes) {
        DecodedModule module = ModuleDecoder.decode(bytes);
        ValidatedModule validated = ModuleValidator.validate(module);
        int first = module.importedFunctionCount();
        for (int i = 0; i < module.bodies().size(); i++) {
            int height = validated.maxStackHeight(first + i);
            assertTrue(height >= 0, "function " + (first + i) + " has max stack height " + height);
        }
    }
}
