package dev.nebula.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the Wasm modules the benchmarks run on: large real programs from the sightglass
 * snapshot in the shared folder beside the repo, and the workloads this module builds from C
 * (bench/src/main/c, committed under resources/wasm).
 */
public final class BenchModules {

    /** System property naming the folder of the prebuilt sightglass benchmarks. */
    public static final String SIGHTGLASS_DIR_PROPERTY = "sightglass.dir";

    private static final String RESOURCE_PREFIX = "/wasm/";

    private BenchModules() {
    }

    /**
     * The bytes of a module: a path relative to the sightglass folder
     * ({@code sqlite3/sqlite3.wasm}), or {@code resource:NAME} for a module built from this
     * project's C sources ({@code resource:c-program.wasm}).
     */
    public static byte[] load(String module) {
        if (module.startsWith("resource:")) return loadResource(module.substring("resource:".length()));
        Path file = sightglassDir().resolve(module);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sightglass module " + module + " not found at " + file + "; "
                    + missingSightglassAdvice());
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static byte[] loadResource(String name) {
        try (InputStream in = BenchModules.class.getResourceAsStream(RESOURCE_PREFIX + name)) {
            if (in == null) throw new IllegalStateException("no resource " + RESOURCE_PREFIX + name + " on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /**
     * The sightglass folder: the system property if set, else {@code ../shared/sightglass}
     * relative to the repo root. The root is searched upward from the working directory so that
     * the benchmarks also find it when started from {@code bench/}.
     */
    public static Path sightglassDir() {
        String configured = System.getProperty(SIGHTGLASS_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) return Paths.get(configured).toAbsolutePath().normalize();
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml"))) {
                return dir.resolve("../shared/sightglass").normalize();
            }
        }
        return start.resolve("../shared/sightglass").normalize();
    }

    /**
     * The repo root: the nearest folder upward from the working directory that holds
     * {@code bench/pom.xml}, else the working directory.
     */
    public static Path repoRoot() {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml"))) return dir;
        }
        return start;
    }

    private static String missingSightglassAdvice() {
        return "point -D" + SIGHTGLASS_DIR_PROPERTY + "=DIR at a folder of prebuilt sightglass benchmark modules"
                + " (the project's shared/sightglass snapshot, normally beside the repo as ../shared/sightglass;"
                + " built from github.com/bytecodealliance/sightglass, benchmarks/, see its ORIGIN.txt)";
    }
}
