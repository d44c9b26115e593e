package dev.nebula.cli;

import dev.nebula.conformance.spec.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsSectionsAndEntitiesWithNames() throws IOException {
        Path file = dir.resolve("run.wasm");
        Files.write(file, TestModules.RETURNS_42);
        CliRun run = CliRun.of("inspect", file.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = List.of(run.outLines());
        assertEquals(file + ": WebAssembly module, binary version 1, " + TestModules.RETURNS_42.length + " bytes", lines.get(0));
        assertTrue(lines.contains("  type                   start=0x0000000a end=0x0000000f size=5"), run.out());
        assertTrue(lines.contains("  custom \"name\"          start=0x00000026 end=0x00000033 size=13"), run.out());
        assertTrue(lines.contains("  type[0] () -> (i32)"), run.out());
        assertTrue(lines.contains("  func[0] type 0 <run> code=0x00000021 size=3 locals=0"), run.out());
        assertTrue(lines.contains("  \"run\" -> func[0] <run>"), run.out());
        assertTrue(lines.contains("  \"name\" payload=0x0000002b size=8"), run.out());
    }

    @Test
    void showsInitializersOfGlobalsAndSegments() throws IOException {
        byte[] module = TestModules.hex("0061736d 01000000"
                + "05 03 01 00 01"                       // memory {min 1}
                + "06 06 01 7f 01 41 08 0b"              // global (mut i32) = i32.const 8
                + "0b 07 01 00 41 10 0b 01 ff");         // data[0] active memory 0 at i32.const 16, 1 byte
        Path file = dir.resolve("data.wasm");
        Files.write(file, module);
        CliRun run = CliRun.of("inspect", file.toString());
        List<String> lines = List.of(run.outLines());
        assertTrue(lines.contains("  memory[0] pages {min 1}"), run.out());
        assertTrue(lines.contains("  global[0] (mut i32) = i32.const 8"), run.out());
        assertTrue(lines.contains("  data[0] active memory=0 size=1 offset: i32.const 16"), run.out());
    }

    @Test
    void malformedModuleIsOneLineOnStderr() throws IOException {
        Path file = dir.resolve("v2.wasm");
        Files.write(file, TestModules.MALFORMED_VERSION);
        CliRun run = CliRun.of("inspect", file.toString());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        assertEquals(file + ": malformed: unknown binary version: at byte offset 4" + System.lineSeparator(), run.err());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void missingFileExitsThree() {
        CliRun run = CliRun.of("inspect", dir.resolve("nope.wasm").toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().contains(": error: cannot read "), run.err());
    }
}
