package dev.nebula.wasi.suite;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.wasi.testsuite.CaseResult;
import dev.nebula.wasi.testsuite.Mismatch;
import dev.nebula.wasi.testsuite.SkipList;
import dev.nebula.wasi.testsuite.SuiteCase;
import dev.nebula.wasi.testsuite.SuiteFiles;
import dev.nebula.wasi.testsuite.SuiteRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official wasi-testsuite (WebAssembly/wasi-testsuite, branch prod/testsuite-base) as one
 * JUnit dynamic test per module, run on every engine on the class path (the interpreter at
 * least): the C, Rust and AssemblyScript suites, through the same {@link SuiteRunner} as
 * {@code nebula wasi-testsuite}: each test on a fresh copy of its fixture directories, checked
 * for exit code and, where the JSON gives them, stdout and stderr, within three minutes. A
 * failed expectation reports its expected and actual values as {@code assertEquals} would. The
 * suite is found under the system property {@code nebula.shared} (the parent pom passes it),
 * else {@code ../shared} beside the repository.
 */
class WasiTestsuiteTest {

    /** The modules of the suite's C, Rust and AssemblyScript preview1 folders. */
    static final int EXPECTED_MODULES = 72;

    @TestFactory
    Stream<DynamicNode> officialSuite() throws IOException {
        Path home = suiteHome();
        List<SuiteCase> cases = SuiteFiles.find(home.resolve("tests"));
        SkipList skips = SkipList.bundled();
        List<DynamicNode> perEngine = new ArrayList<>();
        for (Engine engine : engines()) {
            SuiteRunner runner = new SuiteRunner(engine, skips, SuiteRunner.DEFAULT_TIMEOUT, null);
            List<DynamicNode> tests = new ArrayList<>();
            for (SuiteCase c : cases) {
                tests.add(DynamicTest.dynamicTest(c.id(), c.wasm().toUri(), () -> check(runner.run(c))));
            }
            String kind = runner.engineName();
            if (tests.size() != EXPECTED_MODULES) {
                System.out.println("wasi-testsuite: expected " + EXPECTED_MODULES + " modules, found " + tests.size());
            }
            System.out.println("wasi-testsuite on " + kind + ": " + tests.size() + " modules, "
                    + skips.size() + " skip-list entries" + (skips.size() == 0 ? "" : ": " + skips));
            perEngine.add(DynamicContainer.dynamicContainer(kind, tests));
        }
        return perEngine.stream();
    }

    /**
     * Passes, aborts (a skip) or throws: a failed expectation as an {@link AssertionFailedError}
     * with its expected and actual values, any other failure with its cause.
     */
    static void check(CaseResult result) {
        if (result.skipped()) Assumptions.abort("skipped: " + result.skipReason());
        if (!result.failed()) return;
        Mismatch first = result.firstMismatch();
        if (first != null) throw new AssertionFailedError(result.message(), first.expected(), first.actual(), result.cause());
        throw new AssertionFailedError(result.message(), result.cause());
    }

    /**
     * Every engine: both are test dependencies of this module, so a missing one fails the run
     * instead of silently testing fewer engines.
     */
    private static List<Engine> engines() {
        List<Engine> engines = new ArrayList<>();
        for (EngineKind kind : EngineKind.values()) engines.add(Engine.create(EngineConfig.defaults(kind)));
        return engines;
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
        return fail("wasi-testsuite not found (looked in " + tried + "): " + SuiteFiles.WHERE_TO_GET
                + " (<shared>/wasi-testsuite, with <shared> = ../shared beside the repository or -Dnebula.shared=<shared>)");
    }
}
