package dev.nebula.aot.internal;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.validator.ValidatedModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiling on several threads gives the very classes one thread gives, and fails as one thread would. */
class ParallelClassesTest {

    @Test
    void sqliteCompilesToTheSameBytesOnOneThreadAndOnSeveral() throws IOException {
        String dir = System.getProperty("sightglass.dir");
        Path wasm = Path.of(dir == null ? "../../shared/sightglass" : dir, "sqlite3", "sqlite3.wasm");
        assertTrue(Files.isRegularFile(wasm), "sightglass snapshot not found at " + wasm.toAbsolutePath() + " (set -Dsightglass.dir)");
        ValidatedModule validated = ModuleValidator.validate(ModuleDecoder.decode(Files.readAllBytes(wasm)));
        Map<String, byte[]> one = ModuleCompiler.compile(validated, 1).classFiles();
        Map<String, byte[]> four = ModuleCompiler.compile(validated, 4).classFiles();
        assertTrue(one.size() > 3, "sqlite3 spans several classes: " + one.keySet());
        assertEquals(one.keySet(), four.keySet());
        one.forEach((name, bytes) -> assertArrayEquals(bytes, four.get(name), name));
    }

    @Test
    void everyIndexRunsExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        ParallelClasses.run(100, 4, runs::incrementAndGet);
        for (int i = 0; i < 100; i++) assertEquals(1, runs.get(i), "index " + i);
    }

    @Test
    void theLowestFailingIndexIsReportedAsItself() {
        IllegalArgumentException low = new IllegalArgumentException("3");
        for (int attempt = 0; attempt < 20; attempt++) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> ParallelClasses.run(50, 4, i -> {
                if (i == 3) throw low;
                if (i >= 4 && i < 8) throw new IllegalStateException(Integer.toString(i));
            }));
            assertSame(low, thrown);
        }
    }
}
