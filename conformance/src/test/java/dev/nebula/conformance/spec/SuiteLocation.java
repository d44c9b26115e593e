package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the official suite lives: system property {@code wasm.testsuite} (the parent pom passes
 * it), else {@code ../shared/wasm-testsuite} beside the repository. A missing suite fails the run
 * with directions rather than passing with zero tests.
 */
final class SuiteLocation {

    /** The WebAssembly/testsuite commit that wabt 1.0.32 pins, as recorded in the suite's VERSION file. */
    static final String PINNED_COMMIT = "3a04b2cf93bd8fce277458d419eea8d9c326345c";

    private SuiteLocation() {
    }

    static Path testsuite() {
        String configured = System.getProperty("wasm.testsuite");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : besideRepository();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The WebAssembly spec suite is missing: no folder " + dir.toAbsolutePath().normalize()
                    + ". Check out https://github.com/WebAssembly/testsuite at commit " + PINNED_COMMIT
                    + " (the one pinned in the suite's VERSION file and by wabt 1.0.32) into ../shared/wasm-testsuite,"
                    + " or point -Dwasm.testsuite=DIR at it. Its .wast files are read in process by Nebula's text parser.");
        }
        return dir;
    }

    /** The core scripts: every top-level {@code *.wast}, sorted; the proposals subfolder is not core 2.0. */
    static List<Path> coreScripts(Path suite) throws IOException {
        List<Path> scripts;
        try (Stream<Path> entries = Files.list(suite)) {
            scripts = entries.filter(p -> p.getFileName().toString().endsWith(".wast") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        if (scripts.isEmpty()) throw new IllegalStateException("no *.wast scripts in the spec suite folder " + suite);
        return scripts;
    }

    /** The first line of the suite's VERSION file, to say in the report which suite ran. */
    static String version(Path suite) {
        try {
            return Files.readAllLines(suite.resolve("VERSION")).stream().findFirst().orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown (no VERSION file)";
        }
    }

    /** Walks up from the working folder to the repository root (the folder holding conformance/). */
    private static Path besideRepository() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("conformance")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolveSibling("shared").resolve("wasm-testsuite");
            }
        }
        return dir.resolveSibling("shared").resolve("wasm-testsuite");
    }
}
