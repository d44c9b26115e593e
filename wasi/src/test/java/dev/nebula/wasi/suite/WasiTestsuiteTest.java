package dev.nebula.wasi.suite;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasm.WasmException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official wasi-testsuite (WebAssembly/wasi-testsuite, branch prod/testsuite-base) as one
 * JUnit dynamic test per module, run on every engine on the class path (the interpreter at least): the C, Rust and AssemblyScript suites,
 * each test on a fresh copy of its fixture directories, checked for exit code and, where the
 * JSON gives them, stdout and stderr. The suite is found under the system property
 * {@code nebula.shared} (the parent pom passes it), else {@code ../shared} beside the repository.
 */
class WasiTestsuiteTest {

    static final List<String> SUITES = List.of("c", "rust", "assemblyscript");
    /** Generous for the interpreter; a hang (e.g. a poll that never wakes) fails instead of blocking the build. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TestFactory
    Stream<DynamicNode> officialSuite() throws IOException {
        Path home = suiteHome();
        Map<String, String> skips = SkipList.load();
        List<DynamicNode> perEngine = new ArrayList<>();
        for (Engine engine : engines()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (String suite : SUITES) {
                for (Path wasm : modules(home.resolve("tests").resolve(suite).resolve("testsuite"))) {
                    SuiteCase c = SuiteCase.read(suite, wasm);
                    String reason = skips.get(c.id());
                    tests.add(DynamicTest.dynamicTest(c.id(), wasm.toUri(), () -> {
                        if (reason != null) Assumptions.abort("skipped: " + reason);
                        run(engine, c);
                    }));
                }
            }
            String kind = engine.config().engine().shortName();
            if (tests.size() != 72) System.out.println("wasi-testsuite: expected 72 modules, found " + tests.size());
            System.out.println("wasi-testsuite on " + kind + ": " + tests.size() + " modules, "
                    + skips.size() + " skipped" + (skips.isEmpty() ? "" : ": " + skips));
            perEngine.add(DynamicContainer.dynamicContainer(kind, tests));
        }
        return perEngine.stream();
    }

    /**
     * Every engine on the test class path: the interpreter always (the build depends on it), the
     * AOT compiler once it is a test dependency too, so that the suite runs on both engines.
     */
    private static List<Engine> engines() {
        List<Engine> engines = new ArrayList<>();
        for (EngineKind kind : EngineKind.values()) {
            try {
                engines.add(Engine.create(EngineConfig.defaults(kind)));
            } catch (IllegalStateException notOnClassPath) {
                if (kind == EngineKind.INTERPRETER) throw notOnClassPath;
                System.out.println("wasi-testsuite: engine " + kind.shortName() + " not on the class path, not run");
            }
        }
        return engines;
    }

    /** Modules directly in the suite folder or in its target folder (wasm32-wasip1). */
    private static List<Path> modules(Path testsuite) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(testsuite, 2)) {
            s.filter(p -> p.getFileName().toString().endsWith(".wasm")).sorted().forEach(found::add);
        }
        return found;
    }

    private static void run(Engine engine, SuiteCase c) throws Exception {
        Path scratch = Files.createTempDirectory("wasi-suite-" + c.name() + "-");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> argv = new ArrayList<>();
            argv.add(c.wasm().getFileName().toString());
            argv.addAll(c.args());
            WasiConfig.Builder config = WasiConfig.builder().args(argv).env(c.env()).stdout(out).stderr(err);
            Path dir = c.wasm().getParent();
            if (c.root() != null) {
                Path copy = scratch.resolve("root");
                Fixture.copyTree(dir.resolve(c.root()), copy);
                config.preopen(copy, "/");
            }
            for (String d : c.dirs()) {
                Path copy = scratch.resolve(d);
                Fixture.copyTree(dir.resolve(d), copy);
                config.preopen(copy, d);
            }
            byte[] bytes = Files.readAllBytes(c.wasm());
            WasiConfig built = config.build();
            int exit;
            try {
                exit = assertTimeoutPreemptively(TIMEOUT, () -> Wasi.run(engine, bytes, built));
            } catch (WasmException e) {
                // A Rust test's failed assertion panics into a trap; its message is on stderr.
                throw new AssertionError(e.getMessage() + context(out, err), e);
            }
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            String context = context(out, err);
            assertEquals(c.exitCode(), exit, "exit code" + context);
            if (c.stdout() != null) assertEquals(c.stdout(), stdout, "stdout" + context);
            if (c.stderr() != null) assertEquals(c.stderr(), stderr, "stderr" + context);
        } finally {
            Fixture.delete(scratch);
        }
    }

    private static String context(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return " (stdout: " + abbreviate(out.toString(StandardCharsets.UTF_8))
                + ", stderr: " + abbreviate(err.toString(StandardCharsets.UTF_8)) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? "\"" + s + "\"" : "\"" + s.substring(0, 2000) + "...\"";
    }

    /**
     * The suite's folder: under {@code nebula.shared} when that is set and holds it, else in
     * {@code ../shared} beside the repository (whether Maven ran from the root or from wasi/).
     * Fails loudly, saying where to get it, when it is nowhere.
     */
    static Path suiteHome() {
        List<Path> tried = new ArrayList<>();
        String shared = System.getProperty("nebula.shared");
        if (shared != null && !shared.isBlank()) tried.add(Path.of(shared));
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = here; p != null && tried.size() < 5; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) && !Files.exists(p.getParent().resolve("pom.xml"))) {
                tried.add(p.getParent().resolve("shared"));
            }
        }
        for (Path base : tried) {
            Path home = base.resolve("wasi-testsuite").normalize();
            if (Files.isDirectory(home.resolve("tests"))) return home;
        }
        return fail("wasi-testsuite not found (looked in " + tried + "): put the prod/testsuite-base branch of"
                + " WebAssembly/wasi-testsuite (its tests/ folder with prebuilt modules) in <shared>/wasi-testsuite,"
                + " with <shared> = ../shared beside the repository or -Dnebula.shared=<shared>");
    }
}
