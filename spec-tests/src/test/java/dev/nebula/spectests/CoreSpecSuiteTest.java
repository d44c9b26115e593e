package dev.nebula.spectests;

import dev.nebula.cli.spec.CommandResult;
import dev.nebula.cli.spec.LoadedScript;
import dev.nebula.cli.spec.ScriptCommand;
import dev.nebula.cli.spec.ScriptLoader;
import dev.nebula.cli.spec.ScriptRun;
import dev.nebula.cli.spec.SkipReason;
import dev.nebula.cli.spec.SpecReport;
import dev.nebula.cli.spec.SpecRunner;
import dev.nebula.cli.spec.SpecTally;
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
 * a container per script and a test per command the harness runs, on the engine that the system
 * property {@code nebula.engine} names ({@code interp} by default). It uses the same
 * {@link SpecRunner} and skip list as {@code nebula spec}; skipped commands are not tests, they are
 * counted per reason and printed at the end with the same summary the CLI prints.
 */
class CoreSpecSuiteTest {

    private static final Map<String, SpecTally> TALLIES = new LinkedHashMap<>();
    private static String suiteVersion = "unknown";
    private static String engine = "none";

    /** System property {@code nebula.engine}: {@code interp} (the default) or {@code aot}. */
    private static String engineName() {
        String configured = System.getProperty("nebula.engine");
        return configured == null || configured.isBlank() ? "interp" : configured.strip();
    }

    @TestFactory
    Stream<DynamicNode> coreSuite() throws IOException {
        Path suite = SuiteLocation.testsuite();
        suiteVersion = SuiteLocation.version(suite);
        ScriptLoader loader = new ScriptLoader(); // .wast read in process: no wast2json needed
        SpecRunner runner = SpecRunner.create(EngineKind.fromShortName(engineName()));
        engine = runner.engineName();
        List<DynamicNode> containers = new ArrayList<>();
        for (Path wast : SuiteLocation.coreScripts(suite)) containers.add(container(wast, loader, runner));
        return containers.stream();
    }

    private static DynamicNode container(Path wast, ScriptLoader loader, SpecRunner runner) {
        String name = wast.getFileName().toString();
        SpecTally tally = tallyOf(name);
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

    private static SpecTally tallyOf(String script) {
        synchronized (TALLIES) {
            return TALLIES.computeIfAbsent(script, k -> new SpecTally());
        }
    }

    /** The same report as {@code nebula spec}, so CI logs and local runs read alike. */
    @AfterAll
    static void printSummary() {
        SpecTally total = new SpecTally();
        StringBuilder report = new StringBuilder();
        report.append("Spec suite ").append(suiteVersion).append(" on engine ").append(engine).append(System.lineSeparator());
        synchronized (TALLIES) {
            TALLIES.forEach((script, tally) -> {
                report.append(SpecReport.scriptLine(script, tally)).append(System.lineSeparator());
                total.addAll(tally);
            });
        }
        SpecReport.summaryLines(engine, total).forEach(line -> report.append(line).append(System.lineSeparator()));
        System.out.print(report);
        System.out.flush();
    }
}
