package dev.nebula.cli;

import dev.nebula.conformance.spec.SpecFixtureAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecTestCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsAScriptLineFailuresSkipTableAndTheCountsLast() throws IOException {
        Path json = SpecFixtureAccess.writeTo(dir);
        CliRun run = CliRun.of("spec", json.toString());
        List<String> lines = List.of(run.outLines());
        assertEquals("fixture.wast: " + SpecFixtureAccess.EXPECTED_COUNTS, lines.get(0));
        assertEquals(7, lines.stream().filter(l -> l.startsWith("  FAIL line ")).count(), run.out());
        assertTrue(lines.contains("  FAIL line 9: assert_invalid fixture.7.wasm: expected invalid \"type mismatch\", got a valid module"), run.out());
        assertTrue(lines.contains("skipped, by reason: none"), run.out());
        assertTrue(lines.contains("engine: interp"), run.out());
        assertTrue(lines.contains("rejections with the suite's message: 3 of 4"), run.out());
        assertEquals(SpecFixtureAccess.EXPECTED_COUNTS, lines.get(lines.size() - 1));
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void quietLeavesOutFailureDetailsAndMismatchesCanBeListed() throws IOException {
        Path json = SpecFixtureAccess.writeTo(dir);
        CliRun run = CliRun.of("spec", "-q", "--message-mismatches", json.toString());
        assertFalse(run.out().contains("FAIL"), run.out());
        assertTrue(run.out().contains("  message line 4: assert_malformed fixture.2.wasm: suite says \"integer too large\", we say \"unexpected end\""), run.out());
    }

    @Test
    void aMissingScriptIsAnIOErrorButTheOthersStillRun() throws IOException {
        Path json = SpecFixtureAccess.writeTo(dir);
        String missing = dir.resolve("gone.wast").toString();
        CliRun run = CliRun.of("spec", missing, json.toString());
        assertTrue(run.err().startsWith(missing + ": error: cannot read"), run.err());
        String[] lines = run.outLines();
        assertEquals(SpecFixtureAccess.EXPECTED_COUNTS, lines[lines.length - 1]);
        assertEquals(ExitCodes.IO, run.exitCode());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aFileThatIsNotAScriptIsReported() throws IOException {
        Path notJson = java.nio.file.Files.writeString(dir.resolve("x.json"), "not json");
        CliRun run = CliRun.of("spec", notJson.toString());
        assertTrue(run.out().startsWith("x.json: error: not a wast2json script: Unrecognized token 'not'"), run.out());
        assertEquals(5, run.outLines().length, run.out()); // the error, "engine: interp", no skips, the messages line, the counts
        String[] lines = run.outLines();
        assertEquals("0 passed, 1 failed, 0 skipped", lines[lines.length - 1]);
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aSkipListFileIsCountedPerReasonAndAMalformedOneIsAUsageError() throws IOException {
        Path json = SpecFixtureAccess.writeTo(dir);
        Path skips = java.nio.file.Files.writeString(dir.resolve("skips.txt"), "reason later = not today\nfixture.wast:9 | later\n");
        CliRun run = CliRun.of("spec", "--skip-list", skips.toString(), json.toString());
        List<String> lines = List.of(run.outLines());
        assertEquals("fixture.wast: 7 passed, 6 failed, 1 skipped", lines.get(0));
        assertTrue(lines.contains("skipped, by reason:"), run.out());
        assertTrue(lines.contains("  1  later: not today"), run.out());
        assertEquals("7 passed, 6 failed, 1 skipped", lines.get(lines.size() - 1));

        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.txt"), "fixture.wast:9\n");
        CliRun badRun = CliRun.of("spec", "--skip-list", bad.toString(), json.toString());
        assertEquals(ExitCodes.USAGE, badRun.exitCode());
        assertEquals("nebula spec: " + bad + ":1: missing reason: expected \"[engine=ENGINE] SELECTOR | REASON\", got \"fixture.wast:9\"",
                badRun.err().strip());
        assertEquals("", badRun.out());
        assertFalse(badRun.showsStackTrace());
    }

    @Test
    void anUnknownEngineIsAUsageError() throws IOException {
        Path json = SpecFixtureAccess.writeTo(dir);
        CliRun run = CliRun.of("spec", "--engine", "jit", json.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("nebula spec: unknown engine 'jit' (expected interp or aot)", run.err().strip());
        assertEquals("", run.out());
    }
}
