package dev.nebula.aot;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.validator.ValidatedModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled-code cache: hits (found from the decoded module alone, without validating again),
 * and corrupt, truncated, foreign, other-build or racing entries never loaded.
 */
class AotCacheTest {

    /** (module (func (export "f") (result i32) i32.const 42)) */
    private static final byte[] MODULE = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0,
            7, 5, 1, 1, 'f', 0, 0, 10, 6, 1, 4, 0, 0x41, 42, 0x0b};
    /** The same with 43. */
    private static final byte[] OTHER = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0,
            7, 5, 1, 1, 'f', 0, 0, 10, 6, 1, 4, 0, 0x41, 43, 0x0b};

    private static ValidatedModule validated(byte[] bytes) {
        return ModuleValidator.validate(ModuleDecoder.decode(bytes));
    }

    @Test
    void secondCompilationIsAHitWithTheSameClasses(@TempDir Path dir) {
        AotCache cache = new AotCache(dir);
        AotCache.Result first = cache.compile(validated(MODULE));
        assertEquals(AotCache.Outcome.COMPILED, first.outcome());
        assertTrue(Files.isRegularFile(first.file()));
        AotCache.Result second = cache.compile(validated(MODULE));
        assertEquals(AotCache.Outcome.HIT, second.outcome());
        assertTrue(first.file().getFileName().toString().matches("22-[0-9a-f]{16}-" + AotCache.COMPILER_VERSION + "\\.classes"),
                "named by length (34 = 0x22), both CRCs and the version: " + first.file().getFileName());
        assertEquals(first.module().classFiles().keySet(), second.module().classFiles().keySet());
        first.module().classFiles().forEach((name, bytes) -> assertArrayEquals(bytes, second.module().classFiles().get(name)));
        second.defineAllClasses();
    }

    @Test
    void truncatedOrCorruptEntriesAreRebuiltNotLoaded(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path file = cache.compile(validated(MODULE)).file();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(AotCache.Outcome.REBUILT, cache.compile(validated(MODULE)).outcome());
        assertArrayEquals(whole, Files.readAllBytes(file), "the rebuilt entry is complete again");
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 1;
        Files.write(file, flipped);
        assertEquals(AotCache.Outcome.REBUILT, cache.compile(validated(MODULE)).outcome());
        Files.write(file, new byte[0]);
        assertEquals(AotCache.Outcome.REBUILT, cache.compile(validated(MODULE)).outcome());
        assertEquals(AotCache.Outcome.HIT, cache.compile(validated(MODULE)).outcome());
    }

    @Test
    void anotherModulesEntryUnderThisNameIsRejected(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path mine = cache.compile(validated(MODULE)).file();
        Path other = cache.compile(validated(OTHER)).file();
        // a well-formed entry with a valid checksum, but for the other module
        Files.copy(other, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AotCache.Result result = cache.compile(validated(MODULE));
        assertEquals(AotCache.Outcome.REBUILT, result.outcome());
    }

    @Test
    void concurrentCompilationsLeaveOneValidEntry(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<AotCache.Result>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) jobs.add(() -> new AotCache(dir).compile(validated(MODULE)));
            for (Future<AotCache.Result> f : pool.invokeAll(jobs)) f.get();
        } finally {
            pool.shutdown();
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        assertEquals(AotCache.Outcome.HIT, new AotCache(dir).compile(validated(MODULE)).outcome());
    }

    @Test
    void lookupFindsAStoredModuleWithoutValidatingItAgain(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        assertNotNull(AotCache.BUILD, "build.properties is filled in by the build");
        assertNull(cache.lookup(ModuleDecoder.decode(MODULE)), "nothing stored yet");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "a lookup writes nothing");
        }
        AotCache.Result stored = cache.compile(validated(MODULE));
        AotCache.Result found = cache.lookup(ModuleDecoder.decode(MODULE));
        assertNotNull(found);
        assertEquals(AotCache.Outcome.HIT, found.outcome());
        assertEquals(stored.file(), found.file());
        assertThrows(IllegalStateException.class, () -> found.module().validated().maxStackHeight(0),
                "the module was not validated again, so it has no stack heights");
        stored.module().classFiles().forEach((name, bytes) -> assertArrayEquals(bytes, found.module().classFiles().get(name)));
        found.defineAllClasses();
        assertNull(cache.lookup(ModuleDecoder.decode(OTHER)), "another module is not found");
    }

    @Test
    void lookupLeavesABadEntryForCompileToRebuild(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path file = cache.compile(validated(MODULE)).file();
        byte[] whole = Files.readAllBytes(file);
        byte[] flipped = whole.clone();
        flipped[whole.length - 10] ^= 1;
        Files.write(file, flipped);
        assertNull(cache.lookup(ModuleDecoder.decode(MODULE)));
        assertTrue(Files.exists(file));
        assertEquals(AotCache.Outcome.REBUILT, cache.compile(validated(MODULE)).outcome());
        assertNotNull(cache.lookup(ModuleDecoder.decode(MODULE)));
    }

    @Test
    void anEntryOfAnotherBuildIsAMissEvenWithAValidChecksum(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path file = cache.compile(validated(MODULE)).file();
        byte[] entry = Files.readAllBytes(file);
        // the build string follows the magic and the version; change its last character and
        // recompute the CRC-32C, as a well-formed entry written by another build would be
        String text = new String(entry, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf(AotCache.BUILD) + AotCache.BUILD.length() - 1;
        entry[at] ^= 1;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(entry, 0, entry.length - 4);
        java.nio.ByteBuffer.wrap(entry).putInt(entry.length - 4, (int) crc.getValue());
        Files.write(file, entry);
        assertNull(cache.lookup(ModuleDecoder.decode(MODULE)));
        assertEquals(AotCache.Outcome.REBUILT, cache.compile(validated(MODULE)).outcome());
    }

    @Test
    void theEngineRunsAModuleFromTheCache(@TempDir Path dir) {
        String saved = System.getProperty(AotCache.DIRECTORY_PROPERTY);
        System.setProperty(AotCache.DIRECTORY_PROPERTY, dir.toString());
        try {
            Engine engine = Engine.create(EngineConfig.defaults(EngineKind.AOT));
            for (int run = 0; run < 2; run++) {
                Instance instance = new Linker().instantiate(new Store(engine), engine.compile(MODULE));
                assertArrayEquals(new long[] {42}, instance.function("f").call(), "run " + run);
            }
            assertNotNull(new AotCache(dir).lookup(ModuleDecoder.decode(MODULE)), "the first compile stored the module");
        } finally {
            if (saved == null) System.clearProperty(AotCache.DIRECTORY_PROPERTY);
            else System.setProperty(AotCache.DIRECTORY_PROPERTY, saved);
        }
    }

    @Test
    void aFolderOthersCanWriteIsNeitherReadNorWritten(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path entry = cache.compile(validated(MODULE)).file();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(cache.lookup(ModuleDecoder.decode(MODULE)), "a valid entry in a shared folder is not loaded");
        AotCache.Result again = cache.compile(validated(OTHER));
        assertEquals(AotCache.Outcome.NOT_STORED, again.outcome());
        assertNull(again.file());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(entry), files.toList(), "nothing new written to the shared folder");
        }
    }

    @Test
    void anEntryOthersCanWriteIsNotLoaded(@TempDir Path dir) throws IOException {
        AotCache cache = new AotCache(dir);
        Path entry = cache.compile(validated(MODULE)).file();
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(cache.lookup(ModuleDecoder.decode(MODULE)));
        assertEquals(AotCache.Outcome.NOT_STORED, cache.compile(validated(MODULE)).outcome());
    }

    @Test
    void aNewCacheFolderIsPrivate(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("a").resolve("cache");
        new AotCache(folder).compile(validated(MODULE));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(folder));
        assertEquals(AotCache.Outcome.HIT, new AotCache(folder).compile(validated(MODULE)).outcome());
    }
}
