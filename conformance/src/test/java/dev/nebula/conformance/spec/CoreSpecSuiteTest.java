package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipCounts;
import dev.nebula.conformance.skip.SkipReason;
import dev.nebula.runtime.EngineKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official core suite (all top-level {@code *.wast} of WebAssembly/testsuite) as JUnit tests:
 * a container per engine, in it a container per script and a test per command the harness runs.
 * Every engine runs ({@code interp} and {@code aot}), or only the one the system property
 * {@code nebula.engine} names. It uses the same {@link SpecRunner} and skip list as
 * {@code nebula spec}; skipped commands are not tests, they are counted per reason and printed at
 * the end with the same summary the CLI prints. The totals are pinned per engine
 * ({@link #PINNED}): a suite that shrinks, a pass that is lost or a skip that grows fails the run.
 */
class CoreSpecSuiteTest {

    /** Per engine: scripts, passed, failed, then skipped per reason (by key; see {@link SkipCounts#pinText()}). */
    private static final Map<String, String> PINNED = Map.of(
            "interp", "146 scripts: 53899 passed, 0 failed; skipped: none",
            "aot", "146 scripts: 53899 passed, 0 failed; skipped: none");

    /** Tallies by engine, then by script. */
    private static final Map<String, Map<String, SpecTally>> TALLIES = new LinkedHashMap<>();
    private static String suiteVersion = "unknown";

    /** System property {@code nebula.engine}: one engine ({@code interp} or {@code aot}), or every engine when unset or {@code all}. */
    private static List<EngineKind> engines() {
        String configured = System.getProperty("nebula.engine");
        if (configured == null || configured.isBlank() || configured.strip().equals("all")) return List.of(EngineKind.values());
        return List.of(EngineKind.fromShortName(configured.strip()));
    }

    @TestFactory
    Stream<DynamicNode> coreSuite() throws IOException {
        Path suite = SuiteLocation.testsuite();
        suiteVersion = SuiteLocation.version(suite);
        ScriptLoader loader = new ScriptLoader(); // .wast read in process: no wast2json needed
        List<DynamicNode> perEngine = new ArrayList<>();
        for (EngineKind kind : engines()) {
            SpecRunner runner = SpecRunner.create(kind);
            String engine = kind.shortName();
            List<DynamicNode> containers = new ArrayList<>();
            for (Path wast : SuiteLocation.coreScripts(suite)) containers.add(container(engine, wast, loader, runner));
            perEngine.add(DynamicContainer.dynamicContainer(engine, containers));
        }
        return perEngine.stream();
    }

    private static DynamicNode container(String engine, Path wast, ScriptLoader loader, SpecRunner runner) {
        String name = wast.getFileName().toString();
        SpecTally tally = tallyOf(engine, name);
        LoadedScript script;
        try {
            script = loader.load(wast);
        } catch (IOException e) {
            synchronized (TALLIES) {
                tally.addFailure();
            }
            return DynamicTest.dynamicTest(name + ": reading the script", wast.toUri(), () -> fail(e.getMessage()));
        }
        ScriptRun run = runner.start(script);
        Stream<DynamicNode> tests = run.commands().stream().<DynamicNode>flatMap(command -> {
            Optional<SkipReason> skip = run.skipReason(command);
            if (skip.isPresent()) {
                tally.addSkip(skip.get());
                return Stream.empty();
            }
            return Stream.of(commandTest(wast, run, command, tally));
        }).onClose(run::close); // JUnit closes the stream after the script's tests: free its store
        return DynamicContainer.dynamicContainer(name, wast.toUri(), tests);
    }

    private static DynamicTest commandTest(Path wast, ScriptRun run, ScriptCommand command, SpecTally tally) {
        String displayName = "line " + command.line() + ": " + command.describe();
        URI source = URI.create(wast.toUri() + "?line=" + command.line());
        return DynamicTest.dynamicTest(displayName, source, () -> {
            CommandResult result = run.run(command);
            tally.add(result);
            if (result.failed()) fail(wast.getFileName() + " " + result.describe());
        });
    }

    private static SpecTally tallyOf(String engine, String script) {
        synchronized (TALLIES) {
            return TALLIES.computeIfAbsent(engine, k -> new LinkedHashMap<>()).computeIfAbsent(script, k -> new SpecTally());
        }
    }

    /**
     * The same report as {@code nebula spec} for each engine, so CI logs and local runs read alike;
     * then the pinned totals are checked.
     */
    @AfterAll
    static void printSummaryAndCheckPins() {
        StringBuilder report = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        synchronized (TALLIES) {
            TALLIES.forEach((engine, scripts) -> {
                SpecTally total = new SpecTally();
                report.append("Spec suite ").append(suiteVersion).append(" on engine ").append(engine).append(System.lineSeparator());
                scripts.forEach((script, tally) -> {
                    report.append(SpecReport.scriptLine(script, tally)).append(System.lineSeparator());
                    total.addAll(tally);
                });
                SpecReport.summaryLines(engine, total).forEach(line -> report.append(line).append(System.lineSeparator()));
                String actual = pinLine(scripts.size(), total);
                if (!actual.equals(PINNED.get(engine))) wrong.add(engine + ": expected " + PINNED.get(engine) + System.lineSeparator() + "   but got " + actual);
            });
        }
        System.out.print(report);
        System.out.flush();
        if (!wrong.isEmpty()) fail("spec totals differ from the pinned ones:" + System.lineSeparator() + String.join(System.lineSeparator(), wrong));
    }

    private static String pinLine(int scripts, SpecTally total) {
        return scripts + " scripts: " + total.passed() + " passed, " + total.failed() + " failed; skipped: " + total.skips().pinText();
    }
}
