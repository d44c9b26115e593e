package dev.nebula.cli;

import dev.nebula.conformance.spec.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private String write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file.toString();
    }

    @Test
    void validModulePrintsOkAndExitsZero() throws IOException {
        String file = write("ok.wasm", TestModules.RETURNS_42);
        CliRun run = CliRun.of("validate", file);
        assertArrayEquals(new String[] {file + ": ok"}, run.outLines());
        assertEquals("", run.err());
        assertEquals(ExitCodes.OK, run.exitCode());
    }

    @Test
    void malformedModulePrintsTheSpecMessageAndExitsOne() throws IOException {
        String file = write("v2.wasm", TestModules.MALFORMED_VERSION);
        CliRun run = CliRun.of("validate", file);
        assertArrayEquals(new String[] {file + ": malformed: unknown binary version: at byte offset 4"}, run.outLines());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void truncatedModuleIsMalformedWithUnexpectedEnd() throws IOException {
        String file = write("short.wasm", TestModules.TRUNCATED);
        CliRun run = CliRun.of("validate", file);
        assertTrue(run.out().startsWith(file + ": malformed: unexpected end"), run.out());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void invalidModulePrintsTheSpecMessageAndExitsOne() throws IOException {
        String file = write("bad.wasm", TestModules.INVALID_MISSING_RESULT);
        CliRun run = CliRun.of("validate", file);
        assertEquals(1, run.outLines().length, run.out());
        assertTrue(run.outLines()[0].startsWith(file + ": invalid: type mismatch"), run.out());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void everyFileGetsItsLineInOrder() throws IOException {
        String ok = write("a.wasm", TestModules.EMPTY);
        String bad = write("b.wasm", TestModules.MALFORMED_VERSION);
        String ok2 = write("c.wasm", TestModules.RETURNS_42);
        CliRun run = CliRun.of("validate", ok, bad, ok2);
        String[] lines = run.outLines();
        assertEquals(3, lines.length, run.out());
        assertEquals(ok + ": ok", lines[0]);
        assertTrue(lines[1].startsWith(bad + ": malformed: "));
        assertEquals(ok2 + ": ok", lines[2]);
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void missingFileIsOneCleanLineOnStderrAndExitThree() throws IOException {
        String missing = dir.resolve("nope.wasm").toString();
        String ok = write("ok.wasm", TestModules.EMPTY);
        CliRun run = CliRun.of("validate", missing, ok);
        assertEquals(missing + ": error: cannot read " + missing + ": no such file" + System.lineSeparator(), run.err());
        assertArrayEquals(new String[] {ok + ": ok"}, run.outLines());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aFolderIsNotAModule() {
        CliRun run = CliRun.of("validate", dir.toString());
        assertEquals(dir + ": error: cannot read " + dir + ": is a directory" + System.lineSeparator(), run.err());
        assertEquals(ExitCodes.IO, run.exitCode());
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("validate");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("Missing required parameter"), run.err());
        assertFalse(run.showsStackTrace());
    }
}
