package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nebula spec} reads .wast in process: no wast2json, text-format assertions included. */
class SpecWithoutToolTest {

    @TempDir
    Path dir;

    private static final String SCRIPT = """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_malformed (module quote "(func (i32.ad))") "unknown operator")
            (assert_malformed (module quote "(func (result i32) (i32.const 0x1_0000_0000))") "constant out of range")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_trap (invoke "add" (i32.const 1)) "unreachable")
            """;

    @Test
    void aWastScriptRunsWithNoExternalTool() throws IOException {
        Path wast = Files.writeString(dir.resolve("mini.wast"), SCRIPT);
        // A wast2json that cannot exist: only --via-wast2json would try to run it.
        CliRun run = CliRun.of("spec", "--wast2json", dir.resolve("no-such-tool").toString(), wast.toString());
        String[] lines = run.outLines();
        assertEquals("mini.wast: 5 passed, 1 failed, 0 skipped", lines[0], run.out());
        assertTrue(run.out().contains("FAIL line 6: assert_trap"), run.out());
        assertTrue(run.out().contains("rejections with the suite's message: 3 of 3"), run.out());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }

    @Test
    void viaWast2jsonNeedsTheTool() throws IOException {
        Path wast = Files.writeString(dir.resolve("mini.wast"), SCRIPT);
        CliRun run = CliRun.of("spec", "--via-wast2json", "--cache", dir.resolve("cache").toString(),
                "--wast2json", dir.resolve("no-such-tool").toString(), wast.toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().contains("cannot run"), run.err());
    }

    @Test
    void aBrokenScriptIsReportedWithItsPosition() throws IOException {
        Path wast = Files.writeString(dir.resolve("broken.wast"), "(module)\n(assert_bogus)");
        CliRun run = CliRun.of("spec", wast.toString());
        assertTrue(run.out().startsWith("broken.wast: error: not a spec script: 2:2: unknown operator"), run.out());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
    }
}
