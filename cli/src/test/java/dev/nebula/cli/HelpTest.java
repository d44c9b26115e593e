package dev.nebula.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "validate", "inspect", "wat2wasm", "print", "spec", "wasi-testsuite", "serve", "experiment"})
    void helpPrintsUsageAndExitsZero(String subcommand) {
        CliRun run = subcommand.isEmpty() ? CliRun.of("--help") : CliRun.of(subcommand, "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("Usage: nebula" + (subcommand.isEmpty() ? "" : " " + subcommand)), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void helpSubcommandWorksToo() {
        CliRun run = CliRun.of("help", "validate");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("Usage: nebula validate"), run.out());
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("nebula: missing subcommand"), run.err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of("validate", "--frobnicate", "x.wasm");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void versionNamesNebula() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("nebula "), run.out());
    }
}
