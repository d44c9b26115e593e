package dev.nebula.aot;

import dev.nebula.aot.internal.AotModule;
import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.validator.ValidatedModule;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An on-disk cache of compiled modules: one file per module, named by the SHA-256 of the module's
 * bytes and {@link #COMPILER_VERSION}, holding the generated class files. A file is trusted only if
 * its magic, compiler version and module hash match and the SHA-256 of its contents, stored at its
 * end, is right: a truncated, corrupt or foreign file is a miss (deleted and rebuilt), never
 * loaded. Files are written to a temporary name in the same folder and renamed into place, so a
 * reader sees a whole file or none, and two processes compiling the same module at once each
 * write a complete file (the last rename wins, both are valid).
 *
 * <p>The {@code nebula} command turns it on for {@code --engine aot} (see README); embedders set
 * the system property {@value #DIRECTORY_PROPERTY} to a folder, or call {@link #compile} directly.
 */
public final class AotCache {

    /** Bump when generated code changes shape: old entries then simply miss. */
    public static final String COMPILER_VERSION = "nebula-aot-2";
    /** System property naming the cache folder; the AOT engine uses the cache only when it is set. */
    public static final String DIRECTORY_PROPERTY = "nebula.aot.cache.dir";

    private static final byte[] MAGIC = "NEBULA-AOT\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".classes";

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
    public enum Outcome { HIT, COMPILED, REBUILT }

    /** A compiled module and how it was obtained. */
    public record Result(AotModule module, Outcome outcome, Path file) {
    }

    /**
     * The module's compiled classes from the cache, or compiled now and stored. A cache that
     * cannot be written (read-only folder, full disk) does not fail the compilation.
     */
    public Result compile(ValidatedModule validated) {
        byte[] moduleBytes = validated.module().bytes();
        String hash = sha256Hex(moduleBytes);
        Path file = directory.resolve(hash + "-" + COMPILER_VERSION + SUFFIX);
        boolean existed = Files.exists(file);
        Map<String, byte[]> classes = existed ? read(file, hash) : null;
        if (classes != null) return new Result(ModuleCompiler.fromClassFiles(validated, classes), Outcome.HIT, file);
        AotModule compiled = ModuleCompiler.compile(validated);
        try {
            write(file, hash, compiled.classFiles());
        } catch (IOException | UncheckedIOException ignored) {
            // a cache that cannot be written only costs the next start a compilation
        }
        return new Result(compiled, existed ? Outcome.REBUILT : Outcome.COMPILED, file);
    }

    /** The classes stored in {@code file}, or null (and the file deleted) when it is not a valid entry for {@code hash}. */
    static Map<String, byte[]> read(Path file, String hash) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        Map<String, byte[]> classes = parse(all, hash);
        if (classes == null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // another process may hold it; it is rebuilt and replaced anyway
            }
        }
        return classes;
    }

    private static Map<String, byte[]> parse(byte[] all, String hash) {
        if (all.length < MAGIC.length + 32) return null;
        byte[] body = Arrays.copyOfRange(all, 0, all.length - 32);
        byte[] stored = Arrays.copyOfRange(all, all.length - 32, all.length);
        if (!MessageDigest.isEqual(sha256(body), stored)) return null;
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) return null;
            if (!in.readUTF().equals(COMPILER_VERSION)) return null;
            if (!in.readUTF().equals(hash)) return null;
            int count = in.readInt();
            if (count < 0 || count > 100_000) return null;
            Map<String, byte[]> classes = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > body.length) return null;
                classes.put(name, in.readNBytes(length));
            }
            return in.read() == -1 ? classes : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void write(Path file, String hash, Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeUTF(COMPILER_VERSION);
            out.writeUTF(hash);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : new TreeMap<>(classes).entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
        }
        byte[] body = buffer.toByteArray();
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(body));
                channel.write(java.nio.ByteBuffer.wrap(sha256(body)));
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

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
