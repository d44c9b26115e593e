package dev.nebula.conformance.wasi;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipReason;
import dev.nebula.wasm.TrapException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner on tiny hand-written modules: what passes, what fails and how, and that fixtures stay untouched. */
class SuiteRunnerTest {

    private static final Engine ENGINE = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));

    @TempDir
    Path dir;

    private Path tests() {
        return dir.resolve("tests/c/testsuite/wasm32-wasip1");
    }

    private Path scratch() throws IOException {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    private SuiteRunner runner(SkipList<String> skips, Duration timeout) throws IOException {
        return new SuiteRunner(ENGINE, skips, timeout, scratch());
    }

    private CaseResult run(String name, byte[] module, String json) throws IOException {
        SuiteCase test = SuiteCase.read(SuiteModules.write(tests(), name, module, json));
        return runner(SkipList.none(), SuiteRunner.DEFAULT_TIMEOUT).run(test);
    }

    @Test
    void aModuleThatMeetsItsExpectationsPasses() throws IOException {
        CaseResult r = run("hello", SuiteModules.HELLO, "{\"stdout\": \"hello\\n\"}");
        assertTrue(r.passed(), r.message());
        assertEquals("c/hello", r.test().id());
        assertEquals("hello\n", r.stdout());
        assertEquals(List.of(), r.details());
    }

    @Test
    void withoutJsonTheExpectationIsExitZeroAndAnyOutput() throws IOException {
        assertTrue(run("hello", SuiteModules.HELLO, null).passed());
    }

    @Test
    void everyUnmetExpectationIsReportedTheExitCodeFirst() throws IOException {
        CaseResult r = run("hello", SuiteModules.HELLO, "{\"exit_code\": 3, \"stdout\": \"help\\n\", \"stderr\": \"\"}");
        assertTrue(r.failed());
        assertEquals("expected exit 3, got 0", r.failure());
        assertEquals(new Mismatch(Mismatch.EXIT_CODE, 3, 0), r.firstMismatch());
        assertEquals(List.of("stdout differs at line 1, column 4: expected \"p\\n\", got \"lo\\n\" (expected 5 chars, got 6)"),
                r.details());
        assertEquals(2, r.mismatches().size());
    }

    @Test
    void aTrapFailsWithTheProgramsStderr() throws IOException {
        CaseResult r = run("trap", SuiteModules.TRAP, null);
        assertTrue(r.failed());
        assertTrue(r.failure().startsWith("trap: unreachable"), r.failure());
        assertInstanceOf(TrapException.class, r.cause());
        assertNull(r.firstMismatch());
        assertEquals(List.of("stderr: \"panicked: oops\\n\""), r.details());
    }

    @Test
    void argsAndEnvironmentComeFromTheJson() throws IOException {
        // argv = [args.wasm, a, b]: 3 arguments, 2 variables.
        CaseResult r = run("args", SuiteModules.ARGS, "{\"args\": [\"a\", \"b\"], \"env\": {\"X\": \"1\", \"Y\": \"2\"}, \"exit_code\": 32}");
        assertTrue(r.passed(), r.message());
    }

    @Test
    void theProgramChangesAFreshCopyOfItsRootWhichIsDeletedAfterwards() throws IOException {
        Path fixture = Files.createDirectories(tests().resolve("fs.dir"));
        Files.writeString(fixture.resolve("old.txt"), "x");
        CaseResult r = run("create", SuiteModules.CREATE, "{\"root\": \"fs.dir\"}");
        assertTrue(r.passed(), r.message());
        try (Stream<Path> left = Files.list(fixture)) {
            assertEquals(List.of(fixture.resolve("old.txt")), left.toList());
        }
        try (Stream<Path> left = Files.list(scratch())) {
            assertEquals(List.of(), left.toList(), "scratch folders are deleted");
        }
    }

    @Test
    void withoutAPreopenTheProgramCannotCreateTheFile() throws IOException {
        CaseResult r = run("create", SuiteModules.CREATE, null);
        assertEquals("expected exit 0, got 8", r.failure(), "EBADF: there is no fd 3");
    }

    @Test
    void aMissingFixtureFailsTheTest() throws IOException {
        CaseResult r = run("create", SuiteModules.CREATE, "{\"root\": \"gone.dir\"}");
        assertTrue(r.failed());
        assertTrue(r.failure().startsWith("cannot set up: java.nio.file.NoSuchFileException"), r.failure());
    }

    @Test
    void aRunOverTheTimeLimitFails() throws IOException {
        SuiteCase test = SuiteCase.read(SuiteModules.write(tests(), "sleep", SuiteModules.SLEEP, null));
        long start = System.nanoTime();
        CaseResult r = runner(SkipList.none(), Duration.ofMillis(300)).run(test);
        assertEquals("did not finish within 300 ms", r.failure());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "did not wait for the program");
    }

    @Test
    void theSkipListIsHonouredByRunButNotByExecute() throws IOException {
        SuiteCase test = SuiteCase.read(SuiteModules.write(tests(), "trap", SuiteModules.TRAP, null));
        SkipList<String> skips = WasiSkipRules.parse("skips.txt", "reason on-purpose = traps on purpose\nengine=interp c/tr?p | on-purpose\n");
        SuiteRunner runner = runner(skips, SuiteRunner.DEFAULT_TIMEOUT);
        CaseResult skipped = runner.run(test);
        assertTrue(skipped.skipped());
        assertEquals("on-purpose: traps on purpose", skipped.skipReason().toString());
        assertTrue(runner.execute(test).failed());
    }

    @Test
    void theJUnitCheckThrowsLikeAssertEquals() throws IOException {
        WasiTestsuiteTest.check(run("hello", SuiteModules.HELLO, null));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> WasiTestsuiteTest.check(run("hello", SuiteModules.HELLO, "{\"stdout\": \"bye\"}")));
        assertEquals("bye", e.getExpected().getValue());
        assertEquals("hello\n", e.getActual().getValue());
        assertTrue(e.getMessage().startsWith("stdout differs at line 1, column 1"), e.getMessage());
        AssertionFailedError trap = assertThrows(AssertionFailedError.class,
                () -> WasiTestsuiteTest.check(run("trap", SuiteModules.TRAP, null)));
        assertInstanceOf(TrapException.class, trap.getCause());
        assertFalse(trap.isExpectedDefined());
        assertThrows(TestAbortedException.class, () -> WasiTestsuiteTest.check(CaseResult.skipped(
                SuiteCase.read(SuiteModules.write(tests(), "hello", SuiteModules.HELLO, null)), new SkipReason("why", "because"))));
    }
}
