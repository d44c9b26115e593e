package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nebula wasi-testsuite} on a small suite laid out as the official one is, built in a
 * temporary folder from the modules in {@code src/test/resources/dev/nebula/cli/wasitestsuite}
 * (their .wat sources are beside them).
 */
class WasiTestsuiteCommandTest {

    @TempDir
    Path root;

    private Path c() {
        return root.resolve("tests/c/testsuite/wasm32-wasip1");
    }

    private Path rust() {
        return root.resolve("tests/rust/testsuite/wasm32-wasip1");
    }

    /** Copies the resource module {@code module}.wasm to {@code folder/name.wasm}, with {@code json} beside it unless null. */
    private static Path test(Path folder, String name, String module, String json) {
        try (InputStream in = WasiTestsuiteCommandTest.class.getResourceAsStream("wasitestsuite/" + module + ".wasm")) {
            if (in == null) throw new IllegalStateException("missing resource module " + module);
            Files.createDirectories(folder);
            Path wasm = folder.resolve(name + ".wasm");
            Files.write(wasm, in.readAllBytes());
            if (json != null) Files.writeString(folder.resolve(name + ".json"), json);
            return wasm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three tests that pass: output checked, a root folder written to, args and env. */
    private void passingSuite() throws IOException {
        test(c(), "hello", "hello", "{\"stdout\": \"hello\\n\"}");
        Files.createDirectories(c().resolve("fs-tests.dir"));
        Files.writeString(c().resolve("fs-tests.dir/keep.txt"), "x");
        test(c(), "create", "create", "{\"root\": \"fs-tests.dir\"}");
        test(rust(), "args", "args", "{\"args\": [\"a\"], \"env\": {\"K\": \"v\"}, \"exit_code\": 21}");
    }

    @Test
    void allPassingPrintsALinePerTestThenTheSummaryAndExitsZero() throws IOException {
        passingSuite();
        CliRun run = CliRun.of("wasi-testsuite", root.resolve("tests").toString());
        assertEquals(List.of(
                "c/create ... ok",
                "c/hello ... ok",
                "rust/args ... ok",
                "engine: interp",
                "skipped, by reason: none",
                "3 passed, 0 failed, 0 skipped"), List.of(run.outLines()));
        assertEquals("", run.err());
        assertEquals(ExitCodes.OK, run.exitCode());
        assertFalse(Files.exists(c().resolve("fs-tests.dir/new.txt")), "the test wrote into a copy");
    }

    @Test
    void theSuiteRootALanguageFolderAndSingleModulesAreAccepted() throws IOException {
        passingSuite();
        assertEquals("3 passed, 0 failed, 0 skipped", last(CliRun.of("wasi-testsuite", root.toString())));
        assertEquals("2 passed, 0 failed, 0 skipped", last(CliRun.of("wasi-testsuite", c().toString())));
        CliRun two = CliRun.of("wasi-testsuite", c().resolve("hello.wasm").toString(), rust().resolve("args.wasm").toString());
        assertEquals(List.of("c/hello ... ok", "rust/args ... ok", "engine: interp", "skipped, by reason: none", "2 passed, 0 failed, 0 skipped"),
                List.of(two.outLines()));
    }

    @Test
    void aFailureShowsWhatDifferedAndExitsOne() throws IOException {
        passingSuite();
        test(c(), "wrong", "hello", "{\"exit_code\": 1, \"stdout\": \"goodbye\\n\"}");
        test(c(), "trap", "trap", null);
        CliRun run = CliRun.of("wasi-testsuite", root.toString());
        List<String> lines = List.of(run.outLines());
        assertTrue(lines.contains("c/trap ... FAILED: trap: unreachable"), run.out());
        assertEquals("    stderr: \"panicked: oops\\n\"", lines.get(lines.indexOf("c/trap ... FAILED: trap: unreachable") + 1));
        int wrong = lines.indexOf("c/wrong ... FAILED: expected exit 1, got 0");
        assertTrue(wrong > 0, run.out());
        assertEquals("    stdout differs at line 1, column 1: expected \"goodbye\\n\", got \"hello\\n\" (expected 8 chars, got 6)",
                lines.get(wrong + 1));
        assertEquals("3 passed, 2 failed, 0 skipped", lines.get(lines.size() - 1));
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        assertFalse(run.showsStackTrace());

        CliRun quiet = CliRun.of("wasi-testsuite", "-q", root.toString());
        assertFalse(quiet.out().contains("    "), quiet.out());
        assertEquals(ExitCodes.REJECTED, quiet.exitCode());
    }

    @Test
    void skipsAreCountedPerReason() throws IOException {
        passingSuite();
        Path skips = Files.writeString(root.resolve("skips.txt"), "# mine\nreason today = not today\nreason slow = too slow\nc/hello | today\nengine=interp rust/* | slow\n");
        CliRun run = CliRun.of("wasi-testsuite", "--skip-list", skips.toString(), root.toString());
        assertEquals(List.of(
                "c/create ... ok",
                "c/hello ... skipped: today: not today",
                "rust/args ... skipped: slow: too slow",
                "engine: interp",
                "skipped, by reason:",
                "  1  slow: too slow",
                "  1  today: not today",
                "1 passed, 0 failed, 2 skipped"), List.of(run.outLines()));
        assertEquals(ExitCodes.OK, run.exitCode());
    }

    @Test
    void aMissingSuiteIsExitThreeAndSaysWhereToGetIt() {
        String missing = root.resolve("wasi-testsuite/tests").toString();
        CliRun run = CliRun.of("wasi-testsuite", missing);
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().startsWith("nebula wasi-testsuite: " + missing + ": no such file or folder; get the prod/testsuite-base branch of"
                + " https://github.com/WebAssembly/wasi-testsuite"), run.err());
        assertEquals("0 passed, 0 failed, 0 skipped", last(run));
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aFolderWithoutTestsIsExitThreeButTheOtherPathsStillRun() throws IOException {
        passingSuite();
        Path empty = Files.createDirectories(root.resolve("empty"));
        CliRun run = CliRun.of("wasi-testsuite", empty.toString(), c().toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().startsWith("nebula wasi-testsuite: " + empty + ": no .wasm tests here;"), run.err());
        assertEquals("2 passed, 0 failed, 0 skipped", last(run));
    }

    @Test
    void aBrokenJsonFailsItsTestAlone() throws IOException {
        passingSuite();
        test(c(), "broken", "hello", "{\"stdout\": ");
        CliRun run = CliRun.of("wasi-testsuite", c().toString());
        assertTrue(run.out().startsWith("c/broken ... FAILED: cannot read " + c().resolve("broken.json")), run.out());
        assertEquals("2 passed, 1 failed, 0 skipped", last(run));
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aFileThatIsNotAModuleIsExitThree() throws IOException {
        Path text = Files.writeString(root.resolve("notes.txt"), "x");
        CliRun run = CliRun.of("wasi-testsuite", text.toString());
        assertEquals("nebula wasi-testsuite: " + text + ": " + text + ": not a .wasm module", run.err().strip());
        assertEquals(ExitCodes.IO, run.exitCode());
    }

    @Test
    void usageErrors() throws IOException {
        passingSuite();
        CliRun engine = CliRun.of("wasi-testsuite", "--engine", "jit", root.toString());
        assertEquals(ExitCodes.USAGE, engine.exitCode());
        assertEquals("nebula wasi-testsuite: unknown engine 'jit' (expected interp or aot)", engine.err().strip());
        assertEquals("", engine.out());
        assertEquals(ExitCodes.USAGE, CliRun.of("wasi-testsuite", "--timeout", "0", root.toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("wasi-testsuite").exitCode());
        CliRun noList = CliRun.of("wasi-testsuite", "--skip-list", root.resolve("none.txt").toString(), root.toString());
        assertEquals(ExitCodes.IO, noList.exitCode());
        assertEquals("nebula wasi-testsuite: cannot read the skip list " + root.resolve("none.txt") + ": no such file", noList.err().strip());
        assertFalse(noList.showsStackTrace());
        Path bad = Files.writeString(root.resolve("bad.txt"), "reason slow = too slow\nc/hello | slwo\n");
        CliRun badList = CliRun.of("wasi-testsuite", "--skip-list", bad.toString(), root.toString());
        assertEquals(ExitCodes.USAGE, badList.exitCode());
        assertEquals("nebula wasi-testsuite: " + bad + ":2: unknown reason \"slwo\" (declared: slow; declare it with a line \"reason slwo = DESCRIPTION\")",
                badList.err().strip());
        assertEquals("", badList.out());
    }

    private static String last(CliRun run) {
        String[] lines = run.outLines();
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
