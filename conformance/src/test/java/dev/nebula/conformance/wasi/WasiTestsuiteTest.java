package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import org.junit.jupiter.api.AfterAll;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * else {@code ../shared} beside the repository. The totals are pinned per engine
 * ({@link #PINNED}): a suite that shrinks, a pass that is lost or a skip that grows fails the run,
 * after the same summary {@code nebula wasi-testsuite} prints.
 */
class WasiTestsuiteTest {

    /** Per engine: modules, passed, failed, then skipped per reason (by key; see {@code SkipCounts.pinText()}). */
    private static final Map<String, String> PINNED = Map.of(
            "interp", "72 tests: 72 passed, 0 failed; skipped: none",
            "aot", "72 tests: 72 passed, 0 failed; skipped: none");

    /** Tallies and module counts by engine. */
    private static final Map<String, SuiteTally> TALLIES = new LinkedHashMap<>();
    private static final Map<String, Integer> MODULES = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicNode> officialSuite() throws IOException {
        Path home = suiteHome();
        List<SuiteCase> cases = SuiteFiles.find(home.resolve("tests"));
        SkipList<String> skips = WasiSkipRules.bundled();
        List<DynamicNode> perEngine = new ArrayList<>();
        for (Engine engine : engines()) {
            SuiteRunner runner = new SuiteRunner(engine, skips, SuiteRunner.DEFAULT_TIMEOUT, null);
            String kind = runner.engineName();
            SuiteTally tally = new SuiteTally();
            synchronized (TALLIES) {
                TALLIES.put(kind, tally);
                MODULES.put(kind, cases.size());
            }
            List<DynamicNode> tests = new ArrayList<>();
            for (SuiteCase c : cases) {
                tests.add(DynamicTest.dynamicTest(c.id(), c.wasm().toUri(), () -> {
                    CaseResult result = runner.run(c);
                    tally.add(result);
                    check(result);
                }));
            }
            perEngine.add(DynamicContainer.dynamicContainer(kind, tests));
        }
        return perEngine.stream();
    }

    /** The same summary as {@code nebula wasi-testsuite} per engine, then the pinned totals are checked. */
    @AfterAll
    static void printSummaryAndCheckPins() {
        StringBuilder report = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        synchronized (TALLIES) {
            TALLIES.forEach((engine, total) -> {
                report.append("wasi-testsuite on engine ").append(engine).append(": ").append(MODULES.get(engine)).append(" modules")
                        .append(System.lineSeparator());
                SuiteReport.summaryLines(engine, total).forEach(line -> report.append(line).append(System.lineSeparator()));
                String actual = MODULES.get(engine) + " tests: " + total.passed() + " passed, " + total.failed() + " failed; skipped: "
                        + total.skips().pinText();
                if (!actual.equals(PINNED.get(engine))) wrong.add(engine + ": expected " + PINNED.get(engine) + System.lineSeparator() + "   but got " + actual);
            });
        }
        System.out.print(report);
        System.out.flush();
        if (!wrong.isEmpty()) fail("wasi-testsuite totals differ from the pinned ones:" + System.lineSeparator() + String.join(System.lineSeparator(), wrong));
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
     * Every engine, or only the one the system property {@code nebula.engine} names (as for
     * {@code CoreSpecSuiteTest}): both are test dependencies of this module, so a missing one
     * fails the run instead of silently testing fewer engines.
     */
    private static List<Engine> engines() {
        String configured = System.getProperty("nebula.engine");
        List<EngineKind> kinds = configured == null || configured.isBlank() || configured.strip().equals("all")
                ? List.of(EngineKind.values()) : List.of(EngineKind.fromShortName(configured.strip()));
        List<Engine> engines = new ArrayList<>();
        for (EngineKind kind : kinds) engines.add(Engine.create(EngineConfig.defaults(kind)));
        return engines;
    }

    /**
     * The suite's folder: under {@code nebula.shared} when that is set and holds it, else in
     * {@code ../shared} beside the repository (whether Maven ran from the root or from conformance/).
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
