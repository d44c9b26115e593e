package dev.nebula.aot;

import dev.nebula.aot.internal.AotModule;
import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every module of the sightglass snapshot (real programs: sqlite3 with 2,562 functions,
 * clang-inlined functions of tens of KB) compiles, and every generated class passes the
 * verifier's checks and loads: no module is too large for the JVM's class-file limits.
 */
class SightglassCompileTest {

    static Path sightglass() {
        String dir = System.getProperty("sightglass.dir");
        Path p = Path.of(dir == null ? "../../shared/sightglass" : dir);
        assertTrue(Files.isDirectory(p), "sightglass snapshot not found at " + p.toAbsolutePath() + " (set -Dsightglass.dir)");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyModuleCompilesAndVerifies() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.walk(sightglass())) {
            modules = files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
        assertFalse(modules.isEmpty());
        return modules.stream().map(m -> DynamicTest.dynamicTest(sightglass().relativize(m).toString(), () -> {
            AotModule compiled = ModuleCompiler.compile(ModuleValidator.validate(ModuleDecoder.decode(Files.readAllBytes(m))));
            GeneratedClasses.verify(compiled);
        }));
    }
}
