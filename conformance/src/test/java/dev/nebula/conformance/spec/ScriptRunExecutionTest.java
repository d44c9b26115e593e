package dev.nebula.conformance.spec;

import dev.nebula.conformance.spec.CommandResult.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command kind on the interpreter, through {@code exec/exec.wast} (converted by wast2json
 * and checked in): the commands up to line 41 must pass, the ones after must fail, each with the
 * detail that says why. {@code exec/simd_fixture.wast} runs whole on the interpreter, and pins down
 * which actions a {@code v128} skip rule (for an engine without SIMD) takes.
 */
class ScriptRunExecutionTest {

    private static List<CommandResult> exec;
    private static List<CommandResult> simd;
    private static List<CommandResult> simdSkipped;

    @BeforeAll
    static void run() throws IOException, URISyntaxException {
        SpecRunner runner = SpecRunner.withBundledSkips();
        exec = runner.runAll(LoadedScript.fromJson(resource("exec/exec.json")));
        simd = runner.runAll(LoadedScript.fromJson(resource("exec/simd_fixture.json")));
        // The v128 qualifier, for an engine that does not run SIMD (the interpreter does): a rule
        // naming it, here for the interpreter's own name so that this test can run it.
        var noSimd = SpecSkipRules.parse("no-simd.txt", """
                reason no-simd = no SIMD on this engine
                engine=interp simd_*.wast:*/v128 | no-simd
                """);
        simdSkipped = new SpecRunner(noSimd, SpecRunner.engine(dev.nebula.runtime.EngineKind.INTERPRETER))
                .runAll(LoadedScript.fromJson(resource("exec/simd_fixture.json")));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScriptRunExecutionTest.class.getResource(name).toURI());
    }

    private static CommandResult atLine(List<CommandResult> results, int line) {
        return results.stream().filter(r -> r.command().line() == line).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "line {0} passes")
    @ValueSource(ints = {4, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 36, 37, 38, 39, 40, 41})
    void commandsThatShouldPass(int line) {
        CommandResult r = atLine(exec, line);
        assertEquals(Status.PASSED, r.status(), r.describe());
    }

    @ParameterizedTest(name = "line {0} fails")
    @CsvSource(delimiter = '|', value = {
            "44 | expected [i32:4], got [i32:3]",
            "45 | expected [f32:0.0], got [f32:NaN(0x",
            "46 | expected trap \"integer divide by zero\", got [i32:3]",
            "47 | expected trap \"integer overflow\", got trap: integer divide by zero",
            "48 | expected [externref:2], got [externref:1]",
            "49 | expected unlinkable \"unknown import\", got an instance",
            "50 | expected uninstantiable \"unreachable\", got an instance",
            "51 | expected the module to instantiate, got unlinkable: unknown import: \"M\" \"missing\"",
            "52 | the module of line 51 failed: expected the module to instantiate, got unlinkable",
    })
    void commandsThatShouldFail(int line, String detailStart) {
        CommandResult r = atLine(exec, line);
        assertEquals(Status.FAILED, r.status(), r.describe());
        assertTrue(r.detail().startsWith(detailStart), r.detail());
    }

    @Test
    void everyCommandRanAndTheCountsAddUp() {
        SpecTally tally = new SpecTally();
        exec.forEach(tally::add);
        assertEquals("20 passed, 9 failed, 0 skipped", tally.countsLine());
    }

    @Test
    void unlinkableAndUninstantiableModulesAreRejectionsWithTheSuitesMessage() {
        for (int line : new int[]{38, 39, 40, 41}) {
            CommandResult.Rejection rejection = atLine(exec, line).rejection();
            assertNotNull(rejection, "line " + line);
            assertTrue(rejection.messageMatches(), rejection.toString());
        }
    }

    @ParameterizedTest(name = "simd_fixture line {0} with a v128 rule: {1}")
    @CsvSource({
            "17, skipped",   // v128 result
            "18, skipped",   // i32 in and out, but calls a function that returns v128
            "19, skipped",   // a v128 local
            "20, passed",    // no v128 anywhere
            "21, passed",    // calls only v128-free code
            "22, skipped",   // reads a v128 global
            "23, skipped",   // may call indirectly, and the module has v128 functions
            "24, skipped",   // get of a v128 global
            "25, passed",    // get of an i32 global
            "3, passed",     // the module still instantiates
    })
    void theV128QualifierTakesExactlyTheActionsThatTouchV128(int line, String status) {
        CommandResult r = atLine(simdSkipped, line);
        assertEquals(status, r.status().name().toLowerCase(java.util.Locale.ROOT), r.describe());
        if (r.skipped()) assertEquals("no-simd", r.skipReason().key());
    }

    /** With the bundled list the interpreter runs every command of the fixture, v128 arguments, results and globals included. */
    @Test
    void theInterpreterRunsEverySimdCommand() {
        for (CommandResult r : simd) assertEquals(Status.PASSED, r.status(), r.describe());
        assertEquals(10, simd.size());
    }

    @Test
    void aClosedRunLetsGoOfItsStoreAndRunsNothingMore() throws IOException, URISyntaxException {
        LoadedScript script = LoadedScript.fromJson(resource("exec/exec.json"));
        ScriptRun run = SpecRunner.withBundledSkips().start(script);
        ScriptCommand module = script.script().commands().get(0);
        ScriptCommand add = script.script().commands().get(2);
        assertEquals(Status.PASSED, run.run(module).status());
        assertEquals(Status.PASSED, run.run(add).status());
        run.close();
        CommandResult after = run.run(add);
        assertEquals(Status.FAILED, after.status());
        assertEquals("not run: the script run was closed", after.detail());
    }
}
