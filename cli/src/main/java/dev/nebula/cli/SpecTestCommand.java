package dev.nebula.cli;

import dev.nebula.conformance.spec.CommandResult;
import dev.nebula.conformance.spec.LoadedScript;
import dev.nebula.conformance.spec.ScriptLoader;
import dev.nebula.conformance.spec.SpecReport;
import dev.nebula.conformance.spec.SpecRunner;
import dev.nebula.conformance.spec.SpecSetupException;
import dev.nebula.conformance.spec.SpecSkipRules;
import dev.nebula.conformance.spec.SpecTally;
import dev.nebula.conformance.spec.WastConverter;
import dev.nebula.runtime.EngineKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code nebula spec PATH...}: runs official spec scripts with the same {@link SpecRunner} as
 * the conformance module's suite test, printing a line per script, the failures, and a summary whose last line
 * is {@code N passed, N failed, N skipped}.
 */
@Command(name = "spec",
        mixinStandardHelpOptions = true,
        description = {"Run WebAssembly spec test scripts.",
                "Runs every command on the chosen engine; the skip list's exceptions are counted per reason."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no command failed", "1:some command failed", "2:usage error",
                "3:a script could not be read, or wast2json (--via-wast2json) is missing", "70:internal error"})
final class SpecTestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = ".wast scripts, wast2json .json files, or folders of .wast scripts")
    private List<Path> paths;

    @Option(names = "--via-wast2json",
            description = "cross-check: convert .wast scripts with wast2json instead of reading them in process")
    private boolean viaWast2json;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "target/spec-json",
            description = "with --via-wast2json: where converted scripts are kept (default: ${DEFAULT-VALUE}, relative to the current folder)")
    private Path cache;

    @Option(names = "--wast2json", paramLabel = "COMMAND", defaultValue = WastConverter.DEFAULT_TOOL,
            description = "with --via-wast2json: the wast2json command to run (default: ${DEFAULT-VALUE})")
    private String wast2json;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp",
            description = "the execution engine: interp (the interpreter) or aot (default: ${DEFAULT-VALUE})")
    private String engine;

    @Option(names = "--skip-list", paramLabel = "FILE",
            description = "skip the commands this file names instead of those of the bundled list (lines: reason KEY = WHY, and [engine=ENGINE] SELECTOR | KEY)")
    private Path skipListFile;

    @Option(names = {"-q", "--quiet"}, description = "print no failure details, only the per-script lines and the summary")
    private boolean quiet;

    @Option(names = "--message-mismatches",
            description = "also list the rejections whose message differs from the suite's text")
    private boolean messageMismatches;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptLoader loader = new ScriptLoader(viaWast2json ? new WastConverter(cache, wast2json) : null);
        SpecRunner runner;
        try {
            EngineKind kind = EngineKind.fromShortName(engine);
            SkipListOption.Loaded<SpecSkipRules.Subject> skips =
                    SkipListOption.load("spec", skipListFile, SpecSkipRules::bundled, SpecSkipRules.SYNTAX, err);
            if (skips.list() == null) return skips.exitCode();
            runner = new SpecRunner(skips.list(), SpecRunner.engine(kind));
        } catch (IllegalArgumentException e) {
            err.println("nebula spec: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SpecSetupException e) {
            err.println("nebula spec: " + e.getMessage());
            return ExitCodes.IO;
        }
        SpecTally total = new SpecTally();
        int exit = ExitCodes.OK;
        List<Path> scripts = new ArrayList<>();
        for (Path path : paths) {
            try {
                scripts.addAll(expand(path));
            } catch (IOException e) {
                err.println(path + ": error: cannot read: " + e.getMessage());
                exit = ExitCodes.worst(exit, ExitCodes.IO);
            }
        }
        for (Path script : scripts) {
            if (!Files.isReadable(script)) {
                err.println(script + ": error: cannot read " + script + ": no such file or not readable");
                exit = ExitCodes.worst(exit, ExitCodes.IO);
                continue;
            }
            LoadedScript loaded;
            try {
                loaded = loader.load(script);
            } catch (SpecSetupException e) {
                err.println("nebula spec: " + e.getMessage());
                return ExitCodes.IO;
            } catch (IOException e) {
                out.println(script.getFileName() + ": error: " + e.getMessage());
                total.addFailure();
                continue;
            }
            runScript(runner, loaded, out, total);
            out.flush();
        }
        SpecReport.summaryLines(runner.engineName(), total).forEach(out::println);
        out.flush();
        if (total.failed() > 0) exit = ExitCodes.worst(exit, ExitCodes.REJECTED);
        return exit;
    }

    private void runScript(SpecRunner runner, LoadedScript script, PrintWriter out, SpecTally total) {
        SpecTally tally = new SpecTally();
        List<CommandResult> results = runner.runAll(script);
        results.forEach(tally::add);
        total.addAll(tally);
        out.println(SpecReport.scriptLine(script.name(), tally));
        for (CommandResult r : results) {
            if (r.failed() && !quiet) out.println("  FAIL " + r.describe());
            if (messageMismatches && r.rejection() != null && !r.rejection().messageMatches()) {
                out.println("  message " + r.describe() + ": suite says \"" + r.rejection().expectedText()
                        + "\", we say \"" + r.rejection().specMessage() + "\"");
            }
        }
    }

    /** A folder stands for its top-level .wast scripts, sorted; a file stands for itself. */
    private static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".wast") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }
}
