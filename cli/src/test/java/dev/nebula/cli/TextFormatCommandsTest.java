package dev.nebula.cli;

import dev.nebula.decoder.ModuleDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text format in the CLI: .wat wherever a module goes, wat2wasm, print, and run --preload. */
class TextFormatCommandsTest {

    @TempDir
    Path dir;

    private static final String ADD = """
            (module
              (func $add (export "add") (param $a i32) (param $b i32) (result i32)
                (i32.add (local.get $a) (local.get $b))))
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runInvokesATextModule() throws IOException {
        CliRun run = CliRun.of("run", "--invoke", "add", write("add.wat", ADD).toString(), "2", "40");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("42", run.out().strip());
    }

    @Test
    void aTrapInATextModuleNamesItsFunctions() throws IOException {
        Path wat = write("t.wat", "(module (func $boom unreachable) (func $outer (export \"o\") call $boom))");
        CliRun run = CliRun.of("run", "--invoke", "o", wat.toString());
        assertEquals(RunCommand.TRAP, run.exitCode());
        assertTrue(run.err().contains("0: func 0 ($boom)") && run.err().contains("1: func 1 ($outer)"), run.err());
    }

    @Test
    void textIsRecognisedByContentWhenTheExtensionSaysNothing() throws IOException {
        CliRun run = CliRun.of("validate", write("add.txt", ADD).toString());
        assertEquals(dir.resolve("add.txt") + ": ok", run.out().strip());
    }

    @Test
    void malformedTextNamesTheFileTheTokenAndThePosition() throws IOException {
        Path bad = write("bad.wat", "(module\n  (func (i32.ad)))");
        CliRun run = CliRun.of("validate", bad.toString());
        assertEquals(bad + ": malformed: unknown operator: i32.ad (line 2, column 10)", run.out().strip());
        assertEquals(ExitCodes.REJECTED, run.exitCode());
        CliRun runIt = CliRun.of("run", bad.toString());
        assertEquals(ExitCodes.REJECTED, runIt.exitCode());
        assertTrue(runIt.err().startsWith(bad + ": malformed: unknown operator"), runIt.err());
        assertFalse(runIt.showsStackTrace());
    }

    @Test
    void wat2wasmWritesAValidatedBinaryBesideTheInput() throws IOException {
        Path wat = write("add.wat", ADD);
        CliRun run = CliRun.of("wat2wasm", wat.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] wasm = Files.readAllBytes(dir.resolve("add.wasm"));
        assertEquals(1, ModuleDecoder.decode(wasm).exports().size());
        CliRun invalid = CliRun.of("wat2wasm", write("bad.wat", "(func (result i32))").toString(), "-o", dir.resolve("x.wasm").toString());
        assertEquals(ExitCodes.REJECTED, invalid.exitCode());
        assertTrue(invalid.err().contains(": invalid: type mismatch"), invalid.err());
        assertFalse(Files.exists(dir.resolve("x.wasm")), "nothing written for an invalid module");
    }

    @Test
    void printShowsNamesAndParsesBackToTheSameBinary() throws IOException {
        Path wat = write("add.wat", ADD);
        Path wasm = dir.resolve("named.wasm");
        assertEquals(0, CliRun.of("wat2wasm", "--debug-names", wat.toString(), "-o", wasm.toString()).exitCode());
        CliRun printed = CliRun.of("print", wasm.toString());
        assertEquals(0, printed.exitCode(), printed.err());
        assertTrue(printed.out().contains("(func $add (;0;) (type 0) (param $a i32) (param $b i32) (result i32)"), printed.out());
        assertTrue(printed.out().contains("local.get $b"), printed.out());
        Path again = write("again.wat", printed.out());
        assertEquals(0, CliRun.of("wat2wasm", "--debug-names", again.toString(), "-o", dir.resolve("again.wasm").toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(wasm), Files.readAllBytes(dir.resolve("again.wasm")));
    }

    @Test
    void preloadLinksAnotherModulesExportsUnderAName() throws IOException {
        Path lib = write("lib.wat", "(module (func (export \"twice\") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))");
        Path main = write("main.wat", """
                (module
                  (import "lib" "twice" (func $twice (param i32) (result i32)))
                  (func (export "go") (param i32) (result i32) (call $twice (call $twice (local.get 0)))))
                """);
        CliRun run = CliRun.of("run", "--preload", "lib=" + lib, "--invoke", "go", main.toString(), "5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("20", run.out().strip());
        CliRun missing = CliRun.of("run", "--invoke", "go", main.toString(), "5");
        assertEquals(ExitCodes.REJECTED, missing.exitCode());
        assertTrue(missing.err().contains("unlinkable"), missing.err());
        assertEquals(ExitCodes.USAGE, CliRun.of("run", "--preload", "lib", main.toString()).exitCode());
        assertEquals(ExitCodes.IO, CliRun.of("run", "--preload", "lib=" + dir.resolve("none.wat"), main.toString()).exitCode());
    }
}
