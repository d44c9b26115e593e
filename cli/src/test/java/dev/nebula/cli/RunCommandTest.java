package dev.nebula.cli;

import dev.nebula.conformance.spec.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nebula run}: --invoke with typed arguments and printed results, traps with their Wasm
 * stack and exit 134, deep recursion, usage errors with exit 2, and WASI commands with their
 * arguments, environment, folders and exit codes. The modules are {@code run/invoke.wat} and
 * {@code run/echo.c}, built and checked in beside their sources.
 */
class RunCommandTest {

    @TempDir
    Path dir;

    private static String resource(String name) {
        try {
            return Path.of(RunCommandTest.class.getResource("run/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String INVOKE = resource("invoke.wasm");
    private static final String ECHO = resource("echo.wasm");

    /** What a run printed, the guest's own stdout and stderr included (WASI writes to System.out/err). */
    private record Captured(CliRun run, String guestOut, String guestErr) {
    }

    private static Captured capture(Supplier<CliRun> body) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream guestOut = new ByteArrayOutputStream();
        ByteArrayOutputStream guestErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(guestOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(guestErr, true, StandardCharsets.UTF_8));
            CliRun run = body.get();
            return new Captured(run, guestOut.toString(StandardCharsets.UTF_8), guestErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    // ---- --invoke ----

    @ParameterizedTest(name = "{0}({1}) prints {2}")
    @CsvSource(delimiter = '|', value = {
            "div    | 7 2              | 3",
            "div    | -7 2             | -3",
            "i32    | 4294967295       | -1",
            "i32    | 0x7fffffff       | 2147483647",
            "i64    | 18446744073709551615 | -1",
            "i64    | -0x10            | -16",
            "f32    | 1.5              | 1.5",
            "f32    | 0.1              | 0.1",
            "addf   | 0.1 0.2          | 0.3",
            "f64    | 0.1              | 0.1",
            "f64    | 1e300            | 1e300",
            "f64    | -0               | -0",
            "f64    | 0x1.8p3          | 12",
            "f64    | -inf             | -inf",
            "f64    | nan              | nan",
            "f64    | nan:0x1          | nan:0x1",
            "two    |                  | -1,5",
            "ref    |                  | ref.null extern,ref.null func",
            "g      |                  | 7",
            "rec    | 10000            | 10000",
    })
    void invokePrintsEachResultOnItsOwnLine(String function, String args, String expected) {
        List<String> argv = new java.util.ArrayList<>(List.of("run", "--invoke", function, INVOKE));
        if (args != null) argv.addAll(List.of(args.trim().split(" +")));
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of(expected.split(",")), List.of(run.outLines()));
        assertEquals("", run.err());
    }

    /** A v128 argument is one word, in the text format's syntax or hex; results print in hex or, with --v128, a shape. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "i32x4 1 2 3 -4 |          | 0xfffffff8000000060000000400000002",
            "0x1            |          | 0x00000000000000000000000000000002",
            "i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 255 | i8x16 | i8x16 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 -2",
            "f32x4 1.5 -0 inf nan | i32x4 | i32x4 2139095040 0 -16777216 -8388608",
            "i64x2 -1 0x7fffffffffffffff | i64x2 | i64x2 -4294967298 -4294967298",
            "f64x2 0 -2 | f64x2 | f64x2 0 -0",
    })
    void v128ArgumentsAndResults(String vector, String shape, String expected) {
        List<String> argv = new java.util.ArrayList<>(List.of("run", "--invoke", "vadd"));
        if (shape != null) argv.addAll(List.of("--v128", shape));
        argv.addAll(List.of(INVOKE, vector, "9"));
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of(expected, "9"), List.of(run.outLines()));
    }

    @Test
    void anUnknownV128ShapeIsAUsageError() {
        CliRun run = CliRun.of("run", "--invoke", "vadd", "--v128", "i24x5", INVOKE, "0x0", "1");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--v128: no v128 shape \"i24x5\""), run.err());
    }

    @Test
    void aFunctionWithoutResultsPrintsNothing() {
        CliRun run = CliRun.of("run", "--invoke", "none", INVOKE);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void initializeRunsBeforeTheInvokedFunction() {
        assertEquals("7", CliRun.of("run", "--invoke", "g", INVOKE).out().strip(), "_initialize sets the global to 7");
    }

    @Test
    void aTrapPrintsItsKindAndTheWasmStackAndExits134() {
        CliRun run = CliRun.of("run", "--invoke", "outer", INVOKE, "1");
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("trap: integer divide by zero", "wasm stack (innermost first):", "  0: func 0 ($div)", "  1: func 1 ($outer)"),
                run.err().lines().toList());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void runawayRecursionEndsInACallStackExhaustedTrap() {
        CliRun run = CliRun.of("run", "--invoke", "forever", INVOKE);
        assertEquals(RunCommand.TRAP, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals("trap: call stack exhausted", lines.get(0));
        assertEquals("  0: func 3 ($forever)", lines.get(2));
        assertEquals(2 + RunCommand.MAX_FRAMES_SHOWN + 1, lines.size(), run.err());
        assertTrue(lines.get(lines.size() - 1).matches("  \\.\\.\\. \\d+ more frames"), lines.get(lines.size() - 1));
        assertFalse(run.showsStackTrace());
    }

    @Test
    void recursionJustBelowTheDefaultDepthLimitCompletes() {
        CliRun run = CliRun.of("run", "--invoke", "rec", INVOKE, "19999");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("19999", run.out().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nope           | | has no export named \"nope\" (exported functions: div(i32 i32), outer(i32),",
            "mem            | | export \"mem\" of ",
            "div            | 1 | div takes 2 arguments (i32 i32), got 1",
            "none           | 1 | none takes 0 arguments (), got 1",
            "i32            | abc | argument 1 of i32: \"abc\" is not an i32 (decimal or 0x hex)",
            "i32            | 4294967296 | argument 1 of i32: \"4294967296\" does not fit an i32",
            "f64            | 1.5x | argument 1 of f64: \"1.5x\" is not an f64",
            "vec            | 0 | argument 1 of vec: \"0\" is not a v128 (\"i32x4 1 2 3 4\"",
            "vec            | 0x123456789abcdef0123456789abcdef01 | argument 1 of vec: \"0x123456789abcdef0123456789abcdef01\" is not a v128",
    })
    void usageErrorsExitWith2AndSayWhatIsWrong(String function, String arg, String message) {
        List<String> argv = new java.util.ArrayList<>(List.of("run", "--invoke", function, INVOKE));
        if (arg != null) argv.add(arg);
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().startsWith("nebula run: "), run.err());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void negativeNumbersAfterTheModuleAreArgumentsNotOptions() {
        CliRun run = CliRun.of("run", "--invoke", "div", INVOKE, "-8", "-2");
        assertEquals("4", run.out().strip(), run.err());
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        CliRun run = CliRun.of("run", "--engine", "jit", "--invoke", "g", INVOKE);
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("nebula run: unknown engine 'jit' (expected interp or aot)", run.err().strip());
    }

    @Test
    void modulesThatCannotRunSayWhy() throws IOException {
        CliRun missing = CliRun.of("run", dir.resolve("gone.wasm").toString());
        assertEquals(ExitCodes.IO, missing.exitCode());
        assertTrue(missing.err().startsWith("nebula run: cannot read "), missing.err());

        Path malformed = Files.write(dir.resolve("bad.wasm"), TestModules.TRUNCATED);
        CliRun bad = CliRun.of("run", malformed.toString());
        assertEquals(ExitCodes.REJECTED, bad.exitCode());
        assertEquals(malformed + ": malformed: unexpected end: at byte offset 3", bad.err().strip());

        Path unlinkable = Files.write(dir.resolve("imports.wasm"), TestModules.hex(
                "0061736d 01000000 01 04 01 60 00 00 02 0b 01 03 656e76 03 666f6f 00 00"));
        CliRun unlinked = CliRun.of("run", unlinkable.toString());
        assertEquals(ExitCodes.REJECTED, unlinked.exitCode());
        assertEquals(unlinkable + ": unlinkable: unknown import: \"env\" \"foo\"", unlinked.err().strip());

        // (func (export "f") (result i32) (i32x4.extract_lane 0 (i32x4.splat (i32.const 5))))
        Path simd = Files.write(dir.resolve("simd.wasm"), TestModules.hex(
                "0061736d01000000 0105016000017f 03020100 070501016600 00 0a0b0109004105fd11fd1b000b"));
        CliRun vector = CliRun.of("run", "--invoke", "f", simd.toString());
        assertEquals(ExitCodes.OK, vector.exitCode(), "SIMD runs on the interpreter: " + vector.err());
        assertEquals("5", vector.out().strip());

        CliRun noStart = CliRun.of("run", INVOKE);
        assertEquals(ExitCodes.USAGE, noStart.exitCode());
        assertTrue(noStart.err().startsWith("nebula run: " + INVOKE + " exports no _start function; call one of its functions with --invoke NAME"),
                noStart.err());
    }

    @Test
    void aTimeoutStopsAnEndlessLoopWithATrap() throws IOException {
        // (func (export "spin") (loop (br 0)))
        Path spin = Files.write(dir.resolve("spin.wasm"), TestModules.hex(
                "0061736d 01000000 01040160 0000 03020100 0708010473 70696e0000 0a090107 0003400c 000b0b"));
        CliRun run = CliRun.of("run", "--timeout", "200ms", "--invoke", "spin", spin.toString());
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().startsWith("trap: interrupted\n"), run.err());
        assertTrue(run.err().contains("(the --timeout of 200ms passed)"), run.err());
        assertFalse(run.showsStackTrace());
    }

    @ParameterizedTest(name = "--timeout {0}")
    @CsvSource({"soon", "-1s", "0", "10d"})
    void badTimeoutsAreUsageErrors(String value) {
        CliRun run = CliRun.of("run", "--timeout", value, "--invoke", "g", INVOKE);
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("nebula run: --timeout: "), run.err());
    }

    @Test
    void aTableBeyondTheStoreLimitIsRefusedNotAnOutOfMemoryError() throws IOException {
        // (module (table 0x7ffffff0 funcref)): 18 bytes that once killed the JVM.
        Path huge = Files.write(dir.resolve("huge-table.wasm"), TestModules.hex("0061736d 01000000 0408 0170 00f0ffffff07"));
        CliRun run = CliRun.of("run", huge.toString());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        assertTrue(run.err().startsWith(huge + ": resource limit exceeded: table of 2147483632 elements exceeds the limit of "), run.err());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void theBenchmarkReactorRunsFromTheRepository() {
        Path fib = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("bench/src/main/resources/wasm/fib.wasm");
        CliRun run = CliRun.of("run", "--invoke", "fib", fib.toString(), "20");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("6765", run.out().strip());
    }

    // ---- WASI commands ----

    @Test
    void everyWordAfterTheModuleGoesToTheProgramVerbatim() {
        Captured c = capture(() -> CliRun.of("run", "--env", "GREETING=hi there", "--env", "EMPTY=",
                ECHO, "--help", "-x", "--", "--invoke", "two words"));
        assertEquals(ExitCodes.OK, c.run().exitCode(), c.run().err() + c.guestErr());
        assertEquals(List.of("argv[0]=echo.wasm", "argv[1]=--help", "argv[2]=-x", "argv[3]=--", "argv[4]=--invoke", "argv[5]=two words",
                "env GREETING=hi there", "env EMPTY="), c.guestOut().lines().toList());
        assertEquals("", c.run().out());
    }

    @Test
    void theExitCodeIsTheProgramsOwn() {
        Captured c = capture(() -> CliRun.of("run", ECHO, "exit", "3"));
        assertEquals(3, c.run().exitCode());
        assertTrue(c.guestOut().endsWith("exiting\n"), c.guestOut());
        assertEquals(0, capture(() -> CliRun.of("run", ECHO)).run().exitCode());
    }

    @Test
    void aTrappingProgramFlushesItsOutputThenPrintsTheTrapAndExits134() {
        Captured c = capture(() -> CliRun.of("run", ECHO, "trap"));
        assertEquals(RunCommand.TRAP, c.run().exitCode());
        assertTrue(c.guestOut().endsWith("before the trap\n"), c.guestOut());
        assertTrue(c.run().err().startsWith("trap: unreachable\nwasm stack (innermost first):\n  0: func "), c.run().err());
        assertFalse(c.run().showsStackTrace());
    }

    @Test
    void foldersAreMappedReadWriteOrReadOnly() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "from the host\n");

        Captured cat = capture(() -> CliRun.of("run", "--dir", data + "::files", ECHO, "cat", "files/in.txt"));
        assertEquals(ExitCodes.OK, cat.run().exitCode(), cat.guestErr());
        assertTrue(cat.guestOut().endsWith("from the host\n"), cat.guestOut());

        Captured write = capture(() -> CliRun.of("run", "--dir", data.toString(), ECHO, "write", data + "/out.txt", "written"));
        assertEquals(ExitCodes.OK, write.run().exitCode(), write.guestErr());
        assertEquals("written", Files.readString(data.resolve("out.txt")));

        Captured refused = capture(() -> CliRun.of("run", "--dir-ro", data + "::files", ECHO, "write", "files/no.txt", "x"));
        assertEquals(1, refused.run().exitCode());
        assertTrue(refused.guestErr().contains("files/no.txt"), refused.guestErr());
        assertFalse(Files.exists(data.resolve("no.txt")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--env | NOEQUALS | --env expects NAME=VALUE, got \"NOEQUALS\"",
            "--dir | /no/such/folder | --dir /no/such/folder: /no/such/folder is not a folder",
            "--dir-ro | ::x | --dir-ro expects HOST[::GUEST], got \"::x\"",
    })
    void badWasiOptionsAreUsageErrors(String option, String value, String message) {
        CliRun run = CliRun.of("run", option, value, ECHO);
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("nebula run: " + message, run.err().strip());
    }
}
