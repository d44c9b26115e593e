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
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every module of the sightglass snapshot (real programs: sqlite3 with 2,562 functions,
 * clang-inlined functions of tens of KB) compiles, and every generated class passes the
 * verifier's checks and loads: no module is too large for the JVM's class-file limits. Every
 * generated function, region and chunk method also stays under HotSpot's 8,000-byte
 * {@code HugeMethodLimit} (past which the JIT never compiles it), except the methods listed in
 * {@link #OVER_HUGE_METHOD_LIMIT} with the reason splitting cannot help.
 */
class SightglassCompileTest {

    /** HotSpot's {@code HugeMethodLimit}: bytecode size past which a method is never JIT-compiled. */
    static final int HUGE_METHOD_LIMIT = 8_000;

    /** Module path (relative to the snapshot) and method name, with why that method may stay over the limit. */
    static final Map<String, String> OVER_HUGE_METHOD_LIMIT = Map.of();

    static Path sightglass() {
        String dir = System.getProperty("sightglass.dir");
        Path p = Path.of(dir == null ? "../../shared/sightglass" : dir);
        assertTrue(Files.isDirectory(p), "sightglass snapshot not found at " + p.toAbsolutePath() + " (set -Dsightglass.dir)");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyModuleCompilesAndVerifiesWithMethodsTheJitCompiles() throws IOException {
        System.out.println("methods allowed over HugeMethodLimit: " + OVER_HUGE_METHOD_LIMIT.size());
        List<Path> modules;
        try (Stream<Path> files = Files.walk(sightglass())) {
            modules = files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
        assertFalse(modules.isEmpty());
        return modules.stream().map(m -> DynamicTest.dynamicTest(sightglass().relativize(m).toString(), () -> {
            AotModule compiled = ModuleCompiler.compile(ModuleValidator.validate(ModuleDecoder.decode(Files.readAllBytes(m))));
            GeneratedClasses.verify(compiled);
            String module = sightglass().relativize(m).toString();
            Map<String, Integer> sizes = compiled.methodSizes();
            assertFalse(sizes.isEmpty(), "no method sizes recorded for " + module);
            List<String> over = sizes.entrySet().stream()
                    .filter(e -> e.getValue() >= HUGE_METHOD_LIMIT && !OVER_HUGE_METHOD_LIMIT.containsKey(module + " " + e.getKey()))
                    .map(e -> e.getKey() + " (" + e.getValue() + " bytes)").sorted().toList();
            assertTrue(over.isEmpty(), module + ": methods over HotSpot's HugeMethodLimit: " + over);
        }));
    }
}
