package dev.nebula.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the official suites are (system properties from the parent pom); a missing folder fails loudly. */
final class Suites {

    private Suites() {
    }

    static Path folder(String property, String fallback) {
        String configured = System.getProperty(property);
        Path dir = Path.of(configured != null && !configured.isBlank() ? configured : fallback);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("missing " + dir.toAbsolutePath().normalize() + " (set -D" + property + "=DIR)");
        }
        return dir;
    }

    /** The 146 top-level .wast scripts of the core suite. */
    static List<Path> specScripts() throws IOException {
        try (Stream<Path> files = Files.list(folder("wasm.testsuite", "../../shared/wasm-testsuite"))) {
            return files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
    }

    /** Every .wasm of the sightglass benchmarks. */
    static List<Path> sightglassModules() throws IOException {
        try (Stream<Path> files = Files.walk(folder("sightglass.dir", "../../shared/sightglass"))) {
            return files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
    }

    static List<WastCommand> read(Path script) {
        try {
            return WastReader.read(Files.readAllBytes(script));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
