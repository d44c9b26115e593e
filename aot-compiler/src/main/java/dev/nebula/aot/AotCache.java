package dev.nebula.aot;

import dev.nebula.aot.internal.AotModule;
import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.validator.ValidatedModule;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * An on-disk cache of compiled modules: one file per module holding the module's own bytes and
 * the generated class files, read in one go. The file name is a fast fingerprint of the module
 * (its length and two CRCs, CRC-32C and CRC-32, both computed by JVM intrinsics even before the
 * JIT has warmed up) and {@link #COMPILER_VERSION}; it only finds the file. What makes an entry
 * trusted is the content: its magic and compiler version match, the CRC-32C of the whole entry,
 * stored at its end, is right, and the module bytes it holds are exactly the module asked for,
 * so a truncated, corrupt or foreign file (another module under a colliding name) is a miss
 * (deleted and rebuilt), never loaded. Files are written to a temporary name in the same folder
 * and renamed into place, so a reader sees a whole file or none, and two processes compiling the
 * same module at once each write a complete file (the last rename wins, both are valid).
 *
 * <p>RATIONALE.md ("AOT start-up") says why the key is no longer a SHA-256: hashing 3 MB with
 * SHA-256 cost a cold JVM 250 ms, more than everything else a cached start does.
 *
 * <p>Loading an entry runs its classes, so whoever can write the cache folder can run code in
 * this JVM: the folder is created private ({@code rwx------}), and a folder or entry that
 * another user owns, or that group or others may write, is not used at all (every module is then
 * compiled afresh, and nothing is written there). On file systems without POSIX permissions the
 * check is skipped.
 *
 * <p>The {@code nebula} command turns it on for {@code --engine aot} (see README); embedders set
 * the system property {@value #DIRECTORY_PROPERTY} to a folder, or call {@link #compile} directly.
 */
public final class AotCache {

    /** Bump when generated code or the file format changes shape: old entries then simply miss. */
    public static final String COMPILER_VERSION = "nebula-aot-8";
    /**
     * What an entry's name and header record: the compiler version, plus the byte order on a
     * big-endian platform, where generated memory accesses swap bytes (MemoryEmitter).
     */
    private static final String VERSION = COMPILER_VERSION
            + (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN ? "-big-endian" : "");
    /** System property naming the cache folder; the AOT engine uses the cache only when it is set. */
    public static final String DIRECTORY_PROPERTY = "nebula.aot.cache.dir";

    private static final byte[] MAGIC = "NEBULA-AOT\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".classes";
    /** Bytes of the CRC-32C at the end of an entry. */
    private static final int CHECKSUM_BYTES = 4;
    /** More classes than any module compiles to: a count past it is corruption. */
    private static final int MAX_CLASSES = 1_000_000;

    /**
     * The build of Nebula that writes and reads entries, from {@code build.properties} (version
     * and build time, filled in by Maven), or null when it is not known (classes not built by
     * Maven). An entry of another build is a miss, so a rebuilt validator or compiler never meets
     * an entry an older one wrote; without a known build, {@link #lookup} finds nothing and every
     * module is validated.
     */
    static final String BUILD = buildId();

    private final Path directory;

    public AotCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The default folder: {@code $NEBULA_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/nebula/aot},
     * else {@code ~/.cache/nebula/aot}.
     */
    public static Path defaultDirectory() {
        String explicit = System.getenv("NEBULA_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nebula").resolve("aot");
    }

    /** The cache the system property configures, or null when it is not set. */
    static AotCache configured() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return dir == null || dir.isBlank() ? null : new AotCache(Path.of(dir));
    }

    /** What a lookup did, for {@code nebula compile} and the tests. */
    public enum Outcome {
        HIT, COMPILED, REBUILT,
        /** Compiled, but the cache folder was neither read nor written: another user could write to it. */
        NOT_STORED
    }

    /**
     * A compiled module and how it was obtained. The compiled classes stay this module's own
     * ({@code internal} type): callers see the outcome and the entry's file, which is null when
     * the outcome is {@link Outcome#NOT_STORED}.
     */
    public static final class Result {
        private final AotModule module;
        private final Outcome outcome;
        private final Path file;

        Result(AotModule module, Outcome outcome, Path file) {
            this.module = module;
            this.outcome = outcome;
            this.file = file;
        }

        AotModule module() {
            return module;
        }

        public Outcome outcome() {
            return outcome;
        }

        public Path file() {
            return file;
        }

        /**
         * Defines (and so verifies) every generated class now instead of at each function's first
         * call: for a host that would rather pay the whole start-up before the first request.
         */
        public void defineAllClasses() {
            module.loadAll();
        }

        @Override
        public String toString() {
            return outcome + (file == null ? "" : " " + file);
        }
    }

    /**
     * The module's compiled classes from the cache, or compiled now and stored. A cache that
     * cannot be written (read-only folder, full disk) does not fail the compilation.
     */
    public Result compile(ValidatedModule validated) {
        byte[] moduleBytes = validated.module().bytesUnsafe();
        Path file = directory.resolve(fileName(moduleBytes));
        if (!CacheOwnership.mayUse(directory, file)) {
            return new Result(ModuleCompiler.compile(validated), Outcome.NOT_STORED, null);
        }
        boolean existed = Files.exists(file);
        Map<String, byte[]> classes = existed ? read(file, moduleBytes, true) : null;
        if (classes != null) return new Result(ModuleCompiler.fromClassFiles(validated, classes), Outcome.HIT, file);
        AotModule compiled = ModuleCompiler.compile(validated);
        try {
            write(file, moduleBytes, compiled.classFiles());
        } catch (IOException | UncheckedIOException ignored) {
            // a cache that cannot be written only costs the next start a compilation
        }
        return new Result(compiled, existed ? Outcome.REBUILT : Outcome.COMPILED, file);
    }

    /**
     * The module's compiled classes if the cache holds them, found from the decoded module alone:
     * the entry holds the module's exact bytes, written by this same build after validating them,
     * so the module is {@link ValidatedModule#validatedBefore validated before} and is not
     * validated again. Null on a miss (a bad entry is left for {@link #compile} to rebuild and
     * report), and always null when the build is not known.
     */
    public Result lookup(DecodedModule module) {
        if (BUILD == null) return null;
        byte[] moduleBytes = module.bytesUnsafe();
        Path file = directory.resolve(fileName(moduleBytes));
        if (!CacheOwnership.mayUse(directory, file)) return null;
        Map<String, byte[]> classes = read(file, moduleBytes, false);
        if (classes == null) return null;
        return new Result(ModuleCompiler.fromClassFiles(ValidatedModule.validatedBefore(module), classes), Outcome.HIT, file);
    }

    /** {@code <length>-<crc32c><crc32>-<version>.classes}: finds the entry; its content decides whether it is this module's. */
    static String fileName(byte[] module) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(module, 0, module.length);
        CRC32 crc32 = new CRC32();
        crc32.update(module, 0, module.length);
        // both CRCs as 16 hex digits; no String.format, whose parser is slow in a cold JVM
        String crcs = Long.toHexString(crc32c.getValue() << 32 | crc32.getValue());
        return Integer.toHexString(module.length) + "-" + "0".repeat(16 - crcs.length()) + crcs
                + "-" + VERSION + SUFFIX;
    }

    /**
     * The classes stored in {@code file}, or null when there is none; a file that is not a valid
     * entry for {@code module} is deleted as well if {@code deleteBad}.
     */
    static Map<String, byte[]> read(Path file, byte[] module, boolean deleteBad) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        Map<String, byte[]> classes = parse(all, module);
        if (classes == null && deleteBad) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // another process may hold it; it is rebuilt and replaced anyway
            }
        }
        return classes;
    }

    /**
     * An entry: magic, version (u16 length, UTF-8), build (the same), the module (u32 length, bytes), the class
     * count (u32), each class (u16 name length, UTF-8 name, u32 length, bytes), and the CRC-32C
     * of all of that (u32). Big-endian throughout.
     */
    private static Map<String, byte[]> parse(byte[] all, byte[] module) {
        if (all.length < MAGIC.length + CHECKSUM_BYTES) return null;
        int bodyLength = all.length - CHECKSUM_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(all, 0, bodyLength);
        ByteBuffer in = ByteBuffer.wrap(all, 0, bodyLength);
        if ((int) crc.getValue() != ByteBuffer.wrap(all).getInt(bodyLength)) return null;
        try {
            if (!Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return null;
            in.position(MAGIC.length);
            if (!VERSION.equals(string(in))) return null;
            if (!String.valueOf(BUILD).equals(string(in))) return null;
            int moduleLength = in.getInt();
            if (moduleLength != module.length || moduleLength > in.remaining()) return null;
            int at = in.position();
            if (!Arrays.equals(all, at, at + moduleLength, module, 0, moduleLength)) return null;
            in.position(at + moduleLength);
            int count = in.getInt();
            if (count < 0 || count > MAX_CLASSES) return null;
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(in);
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) return null;
                byte[] bytes = new byte[length];
                in.get(bytes);
                classes.put(name, bytes);
            }
            return in.hasRemaining() ? null : classes;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String string(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) throw new BufferUnderflowException();
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    static void write(Path file, byte[] module, Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(module.length + classes.values().stream().mapToInt(b -> b.length + 64).sum() + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            string(out, VERSION);
            string(out, String.valueOf(BUILD));
            out.writeInt(module.length);
            out.write(module);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : new TreeMap<>(classes).entrySet()) {
                string(out, c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(buffer.toByteArray());
            out.writeInt((int) crc.getValue());
        }
        byte[] entry = buffer.toByteArray();
        CacheOwnership.createPrivateDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                ByteBuffer whole = ByteBuffer.wrap(entry);
                while (whole.hasRemaining()) channel.write(whole);
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String buildId() {
        try (InputStream in = AotCache.class.getResourceAsStream("build.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String build = p.getProperty("build");
            return build == null || build.isBlank() || build.contains("${") ? null : build.trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }
}
