package dev.nebula.cli;

import dev.nebula.conformance.wasi.CaseResult;
import dev.nebula.conformance.wasi.SuiteCase;
import dev.nebula.conformance.wasi.SuiteFiles;
import dev.nebula.conformance.wasi.SuiteReport;
import dev.nebula.conformance.wasi.SuiteRunner;
import dev.nebula.conformance.wasi.SuiteTally;
import dev.nebula.conformance.wasi.WasiSkipRules;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code nebula wasi-testsuite PATH...}: runs the official WASI testsuite with the same
 * {@link SuiteRunner} as the conformance module's suite test, printing a line per test, the skips
 * counted per reason, and last, alone on its line, {@code N passed, N failed, N skipped}.
 */
@Command(name = "wasi-testsuite",
        mixinStandardHelpOptions = true,
        description = {"Run the official WASI testsuite (WebAssembly/wasi-testsuite, preview1 modules).",
                "Each test runs its .wasm with the args, env and root folder (a fresh copy) of the .json beside it,"
                        + " and passes when the exit code and, where the .json gives them, stdout and stderr match.",
                "The suite: https://github.com/WebAssembly/wasi-testsuite, branch prod/testsuite-base"
                        + " (its tests/ folder holds the prebuilt modules)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no test failed", "1:some test failed", "2:usage error",
                "3:a PATH is missing, holds no tests or cannot be read", "70:internal error"})
final class WasiTestsuiteCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "the suite's root or its tests/ folder (e.g. ../shared/wasi-testsuite/tests),"
                    + " a tests/<lang>/testsuite/wasm32-wasip1 folder, or single .wasm files")
    private List<Path> paths;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "interp",
            description = "the execution engine: interp (the interpreter) or aot (default: ${DEFAULT-VALUE})")
    private String engine;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "a test that runs longer fails (default: ${DEFAULT-VALUE})")
    private long timeoutSeconds;

    @Option(names = "--skip-list", paramLabel = "FILE",
            description = "skip the tests this file names instead of those of the bundled list (lines: reason KEY = WHY, and [engine=ENGINE] TEST | KEY)")
    private Path skipListFile;

    @Option(names = {"-q", "--quiet"}, description = "print no failure details, only the per-test lines and the summary")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds <= 0) {
            err.println("nebula wasi-testsuite: --timeout must be a positive number of seconds, got " + timeoutSeconds);
            return ExitCodes.USAGE;
        }
        EngineKind kind;
        try {
            kind = EngineKind.fromShortName(engine);
        } catch (IllegalArgumentException e) {
            err.println("nebula wasi-testsuite: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SkipListOption.Loaded<String> skips = SkipListOption.load("wasi-testsuite", skipListFile, WasiSkipRules::bundled, WasiSkipRules.SYNTAX, err);
        if (skips.list() == null) return skips.exitCode();
        Engine wasmEngine;
        try {
            wasmEngine = Engine.create(EngineConfig.defaults(kind));
        } catch (IllegalStateException e) {
            err.println("nebula wasi-testsuite: " + e.getMessage());
            return ExitCodes.IO;
        }
        SuiteRunner runner = new SuiteRunner(wasmEngine, skips.list(), Duration.ofSeconds(timeoutSeconds), null);

        int exit = ExitCodes.OK;
        List<Path> modules = new ArrayList<>();
        for (Path path : paths) {
            try {
                List<Path> found = SuiteFiles.modules(path);
                if (found.isEmpty()) {
                    err.println("nebula wasi-testsuite: " + path + ": no .wasm tests here; " + SuiteFiles.WHERE_TO_GET);
                    exit = ExitCodes.worst(exit, ExitCodes.IO);
                }
                modules.addAll(found);
            } catch (NoSuchFileException e) {
                err.println("nebula wasi-testsuite: " + path + ": no such file or folder; " + SuiteFiles.WHERE_TO_GET);
                exit = ExitCodes.worst(exit, ExitCodes.IO);
            } catch (IOException e) {
                err.println("nebula wasi-testsuite: " + path + ": " + e.getMessage());
                exit = ExitCodes.worst(exit, ExitCodes.IO);
            }
        }
        err.flush();

        SuiteTally total = new SuiteTally();
        for (Path wasm : modules) {
            SuiteCase test;
            try {
                test = SuiteCase.read(wasm);
            } catch (IOException e) {
                // A test whose JSON is broken fails alone; the others still run.
                out.println(SuiteCase.idOf(wasm) + " ... FAILED: " + e.getMessage());
                total.addFailure();
                continue;
            }
            CaseResult result = runner.run(test);
            total.add(result);
            List<String> lines = SuiteReport.caseLines(result);
            (quiet ? lines.subList(0, 1) : lines).forEach(out::println);
            out.flush();
        }
        SuiteReport.summaryLines(runner.engineName(), total).forEach(out::println);
        out.flush();
        if (total.failed() > 0) exit = ExitCodes.worst(exit, ExitCodes.REJECTED);
        return exit;
    }
}
