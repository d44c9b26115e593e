package dev.nebula.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One sightglass WASI program, compiled once, run whole ({@code _start}) on a fresh instance per
 * call, under sightglass's convention (../shared/sightglass/ORIGIN.txt): argv the module's file
 * name, the program's folder preopened as {@code .} (where it reads its input), no environment,
 * empty stdin, {@code bench.start}/{@code bench.end} as no-ops. Every run's exit code, stdout and
 * stderr are checked against the snapshot's expected files ({@code <stem>.stdout.expected}, else
 * {@code default.stdout.expected}, else {@code benchmark.stdout.expected}; the same for stderr),
 * so a wrong or broken run throws instead of being timed. A program with no expected file for a
 * stream (richards, hashset) gets that stream checked against the output of its first run on the
 * same runtime, which the benchmarks' tests compare across runtimes.
 *
 * <p>A program is named by its folder when the folder holds {@code benchmark.wasm} or
 * {@code <folder>.wasm} ({@code bz2}, {@code sqlite3}), else by its module's stem, whose folder is
 * the part before the first dash ({@code shootout-sieve}, {@code tinygo-json}).
 */
public final class SightglassRunner {

    private final String program;
    private final String runtime;
    private final Path wasm;
    private final WasiProgram compiled;
    private final String expectedStdout;
    private final String expectedStderr;
    private String firstStdout;
    private String firstStderr;

    private SightglassRunner(String runtime, String program) {
        this.program = program;
        this.runtime = runtime;
        this.wasm = moduleOf(program);
        Path dir = wasm.getParent();
        try {
            compiled = WasiProgram.create(runtime, Files.readAllBytes(wasm), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wasm, e);
        }
        String stem = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
        expectedStdout = readFirst(dir.resolve(stem + ".stdout.expected"), dir.resolve("default.stdout.expected"),
                dir.resolve("benchmark.stdout.expected"));
        expectedStderr = readFirst(dir.resolve(stem + ".stderr.expected"), dir.resolve("default.stderr.expected"),
                dir.resolve("benchmark.stderr.expected"));
    }

    /** {@code program} on {@code runtime}, one of {@link WorkloadRunner#ALL}. */
    public static SightglassRunner create(String runtime, String program) {
        return new SightglassRunner(runtime, program);
    }

    /** The module file of a program name (see the class comment). */
    public static Path moduleOf(String program) {
        Path root = BenchModules.sightglassDir();
        Path folder = root.resolve(program);
        for (Path candidate : new Path[] {folder.resolve("benchmark.wasm"), folder.resolve(program + ".wasm")}) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        int dash = program.indexOf('-');
        if (dash > 0) {
            Path candidate = root.resolve(program.substring(0, dash)).resolve(program + ".wasm");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no sightglass program " + program + " under " + root
                + " (expected " + program + "/benchmark.wasm, " + program + "/" + program + ".wasm or FOLDER/"
                + program + ".wasm with FOLDER the part before the first dash; -D" + BenchModules.SIGHTGLASS_DIR_PROPERTY
                + "=DIR names another snapshot)");
    }

    /** Runs the program once on a fresh instance and checks its exit code and output. */
    public final int run() {
        WasiProgram.Outcome outcome = compiled.run(List.of(wasm.getFileName().toString()));
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(program + " on " + runtime + " exited " + outcome.exitCode()
                    + "; stderr: " + abbreviate(outcome.stderr()));
        }
        if (firstStdout == null) {
            firstStdout = outcome.stdout();
            firstStderr = outcome.stderr();
        }
        check("stdout", outcome.stdout(), expectedStdout != null ? expectedStdout : firstStdout);
        check("stderr", outcome.stderr(), expectedStderr != null ? expectedStderr : firstStderr);
        return outcome.exitCode();
    }

    /** The stdout of the first run (for the tests that compare runtimes). */
    public final String firstStdout() {
        return firstStdout;
    }

    private void check(String stream, String actual, String expected) {
        // Compared as lines: the upstream files were written on systems whose final newline varies.
        if (!actual.lines().toList().equals(expected.lines().toList())) {
            throw new IllegalStateException(program + " on " + runtime + " printed on " + stream + " "
                    + abbreviate(actual) + ", expected " + abbreviate(expected));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? "\"" + text + "\"" : "\"" + text.substring(0, 400) + "\"... (" + text.length() + " chars)";
    }

    private static String readFirst(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p, e);
                }
            }
        }
        return null;
    }
}
