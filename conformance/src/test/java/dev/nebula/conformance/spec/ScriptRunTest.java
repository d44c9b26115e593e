package dev.nebula.conformance.spec;

import dev.nebula.conformance.spec.CommandResult.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptRunTest {

    @TempDir
    Path dir;

    private List<CommandResult> results;

    @BeforeEach
    void runFixture() throws IOException {
        LoadedScript script = LoadedScript.fromJson(SpecFixture.writeTo(dir));
        assertEquals("fixture.wast", script.name());
        results = SpecRunner.withBundledSkips().runAll(script);
        assertEquals(14, results.size());
    }

    private CommandResult atLine(int line) {
        return results.stream().filter(r -> r.command().line() == line).findFirst().orElseThrow();
    }

    @Test
    void validModulePasses() {
        assertEquals(Status.PASSED, atLine(1).status());
    }

    @Test
    void malformedModuleRejectedByTheDecoderPassesAndKeepsBothMessages() {
        CommandResult sameMessage = atLine(3);
        assertEquals(Status.PASSED, sameMessage.status());
        assertEquals("unknown binary version", sameMessage.rejection().specMessage());
        assertTrue(sameMessage.rejection().messageMatches());

        CommandResult otherMessage = atLine(4);
        assertEquals(Status.PASSED, otherMessage.status(), "the class of the rejection is what passes");
        assertEquals("unexpected end", otherMessage.rejection().specMessage());
        assertFalse(otherMessage.rejection().messageMatches());
    }

    @Test
    void invalidModuleRejectedByTheValidatorPasses() {
        CommandResult r = atLine(6);
        assertEquals(Status.PASSED, r.status(), r.detail());
        assertTrue(r.rejection().messageMatches(), r.rejection().toString());
    }

    @Test
    void aModuleThatDecodesIsNotMalformedEvenIfInvalid() {
        CommandResult r = atLine(7);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.detail().startsWith("expected malformed \"unexpected end\", got a module that decodes (then invalid: type mismatch"), r.detail());
        assertNull(r.rejection());
    }

    @Test
    void aMalformedModuleIsNotInvalid() {
        CommandResult r = atLine(8);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.detail().startsWith("expected invalid \"type mismatch\", got malformed: unexpected end"), r.detail());
    }

    @Test
    void aValidModuleFailsAssertInvalid() {
        assertEquals("expected invalid \"type mismatch\", got a valid module", atLine(9).detail());
    }

    @Test
    void aMissingModuleFileFailsWithoutThrowing() {
        CommandResult r = atLine(10);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.detail().startsWith("cannot read module file: no such file"), r.detail());
    }

    @Test
    void anActionRunsOnTheInterpreter() {
        assertEquals(Status.PASSED, atLine(2).status(), atLine(2).detail());
    }

    @Test
    void aModuleThatFailedFailsTheCommandsThatUseIt() {
        assertEquals("the instance has no export \"f\"", atLine(11).detail());
        assertTrue(atLine(12).detail().startsWith("the module of line 10 failed: cannot read module file: no such file"), atLine(12).detail());
        assertEquals(Status.PASSED, atLine(13).status(), "register names $M, which is fine");
    }

    @Test
    void anUnknownCommandKindFailsRatherThanPassing() {
        CommandResult r = atLine(14);
        assertEquals(Status.FAILED, r.status());
        assertEquals("unknown", r.command().kind());
    }

    @Test
    void aTextModuleTheParserRejectsIsMalformedWithThePositionInTheDetail() {
        CommandResult r = atLine(5);
        assertEquals(Status.PASSED, r.status(), r.detail());
        assertEquals("unknown operator", r.rejection().specMessage());
        assertTrue(r.rejection().messageMatches());
        assertEquals(0, results.stream().filter(CommandResult::skipped).count());
    }

    @Test
    void tallyCountsOutcomesReasonsAndMessages() {
        SpecTally tally = new SpecTally();
        results.forEach(tally::add);
        assertEquals(SpecFixture.EXPECTED_COUNTS, tally.countsLine());
        assertTrue(tally.skippedByReason().isEmpty());
        assertEquals(4, tally.rejections());
        assertEquals(3, tally.rejectionsWithSuiteMessage());
    }

    @Test
    void describeNamesLineKindAndFile() {
        assertEquals("line 9: assert_invalid fixture.7.wasm: expected invalid \"type mismatch\", got a valid module",
                atLine(9).describe());
    }
}
