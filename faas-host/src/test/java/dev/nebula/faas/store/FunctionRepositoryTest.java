package dev.nebula.faas.store;

import dev.nebula.faas.FunctionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionRepositoryTest {

    @TempDir
    Path data;

    private static StoredFunction function(String name, byte[] artifact) {
        return new StoredFunction(name, "wasm", FunctionRepository.sha256(artifact), artifact.length,
                new FunctionLimits(100, 2, 3, 4, 5), dev.nebula.faas.FileGrant.READ_ONLY, Instant.parse("2026-01-02T03:04:05.678Z"), artifact);
    }

    @Test
    void savedFunctionsLoadBackWhole() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        repository.save(function("a", new byte[] {1, 2, 3}));
        repository.save(function("b", new byte[] {4}));
        List<String> problems = new ArrayList<>();
        List<StoredFunction> loaded = new FunctionRepository(data).loadAll(FunctionLimits.DEFAULTS, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(2, loaded.size());
        StoredFunction a = loaded.get(0);
        assertEquals("a", a.name());
        assertArrayEquals(new byte[] {1, 2, 3}, a.artifact());
        assertEquals(new FunctionLimits(100, 2, 3, 4, 5), a.limits());
        assertEquals(dev.nebula.faas.FileGrant.READ_ONLY, a.files());
        assertEquals(Instant.parse("2026-01-02T03:04:05.678Z"), a.deployedAt());
    }

    @Test
    void redeployReplacesAndDropsTheOldArtifact() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        repository.save(function("a", new byte[] {1}));
        repository.save(function("a", new byte[] {2}));
        List<StoredFunction> loaded = repository.loadAll(FunctionLimits.DEFAULTS, p -> { });
        assertEquals(1, loaded.size());
        assertArrayEquals(new byte[] {2}, loaded.get(0).artifact());
        try (var files = Files.list(data.resolve("artifacts"))) {
            assertEquals(1, files.count(), "only the artifact in use is kept");
        }
    }

    @Test
    void deleteRemovesTheFunctionAndItsArtifact() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        repository.save(function("a", new byte[] {1}));
        assertTrue(repository.delete("a"));
        assertFalse(repository.delete("a"));
        assertEquals(List.of(), repository.loadAll(FunctionLimits.DEFAULTS, p -> { }));
        try (var files = Files.list(data.resolve("artifacts"))) {
            assertEquals(0, files.count());
        }
    }

    /** What a crash at each step of a deploy leaves behind, and that none of it loads as a function. */
    @Test
    void aCrashMidDeployNeverLeavesAHalfWrittenFunction() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        repository.save(function("kept", new byte[] {9}));
        // Crash while writing the artifact: a temporary file.
        Files.write(data.resolve("artifacts").resolve("ab.bin.123" + AtomicFiles.TEMP_SUFFIX), new byte[] {1, 2});
        // Crash after the artifact, before the function's JSON: an artifact no function names.
        byte[] orphan = {7, 7, 7};
        Files.write(data.resolve("artifacts").resolve(FunctionRepository.sha256(orphan) + ".bin"), orphan);
        // Crash while writing the JSON: a truncated temporary file.
        Files.writeString(data.resolve("functions").resolve("new.json.456" + AtomicFiles.TEMP_SUFFIX), "{\"name\":\"ne");
        List<String> problems = new ArrayList<>();
        List<StoredFunction> loaded = new FunctionRepository(data).loadAll(FunctionLimits.DEFAULTS, problems::add);
        assertEquals(List.of("kept"), loaded.stream().map(StoredFunction::name).toList());
        assertEquals(List.of(), problems, "leftovers of an interrupted deploy are cleaned up, not reported");
        try (var files = Files.list(data.resolve("artifacts"))) {
            assertEquals(List.of(FunctionRepository.sha256(new byte[] {9}) + ".bin"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        try (var files = Files.list(data.resolve("functions"))) {
            assertEquals(List.of("kept.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aDamagedArtifactIsReportedAndNotLoaded() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        byte[] artifact = {1, 2, 3};
        repository.save(function("a", artifact));
        Files.write(data.resolve("artifacts").resolve(FunctionRepository.sha256(artifact) + ".bin"), new byte[] {1, 2, 4});
        List<String> problems = new ArrayList<>();
        assertEquals(List.of(), new FunctionRepository(data).loadAll(FunctionLimits.DEFAULTS, problems::add));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("does not match sha256"), problems.get(0));
    }

    @Test
    void aFunctionFileWithAnotherNameIsNotLoaded() throws IOException {
        FunctionRepository repository = new FunctionRepository(data);
        repository.save(function("a", new byte[] {1}));
        Files.move(data.resolve("functions/a.json"), data.resolve("functions/b.json"));
        List<String> problems = new ArrayList<>();
        assertEquals(List.of(), new FunctionRepository(data).loadAll(FunctionLimits.DEFAULTS, problems::add));
        assertTrue(problems.get(0).contains("does not match its file name"), problems.get(0));
    }
}
