package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.SectionInfo;
import dev.nebula.decoder.testkit.ModuleBuilder;
import dev.nebula.decoder.testkit.SightglassCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Sightglass module (real compiler output from C, C++, Rust and Go toolchains) decodes, and
 * the model's byte ranges tile the file: sections follow each other to the end and every body
 * ends with its {@code end} opcode.
 */
class SightglassDecodingTest {

    @TestFactory
    Stream<DynamicTest> everyModuleDecodes() {
        return SightglassCorpus.modules().stream()
                .map(p -> DynamicTest.dynamicTest(SightglassCorpus.nameOf(p), () -> check(SightglassCorpus.read(p))));
    }

    private static void check(byte[] bytes) {
        DecodedModule module = decodes(bytes);
        assertEquals(module.definedFunctionTypeIndices().length, module.bodies().size());
        assertTrue(module.imports().stream().anyMatch(i -> i.module().equals("wasi_snapshot_preview1")),
                "Sightglass programs import WASI");
        int expectedStart = ModuleBuilder.HEADER.length;
        for (SectionInfo s : module.sections()) {
            assertTrue(s.contentStart() > expectedStart, "section " + s.name() + " starts after the previous one");
            expectedStart = s.contentStart() + s.size();
        }
        assertEquals(bytes.length, expectedStart, "the last section ends the file");
        for (FunctionBody body : module.bodies()) {
            assertEquals(ModuleBuilder.END, bytes[body.codeEnd() - 1], "a body ends with end");
        }
    }
}
