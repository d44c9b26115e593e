package dev.nebula.conformance.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversion and caching, with a stand-in for wast2json that records how often it ran. */
class WastConverterTest {

    @TempDir
    Path dir;

    /** A fake wast2json: writes a one-command script to the -o path and counts its runs. */
    private Path fakeTool() throws IOException {
        Path tool = dir.resolve("fake-wast2json");
        Files.writeString(tool, """
                #!/bin/sh
                echo run >> "%s"
                printf '{"source_filename": "%%s", "commands": []}' "$1" > "$3"
                """.formatted(dir.resolve("runs.log")));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        return tool;
    }

    private long runs() throws IOException {
        Path log = dir.resolve("runs.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    @Test
    void convertsOnceAndReusesTheCacheUntilTheScriptChanges() throws IOException {
        Path wast = dir.resolve("nop.wast");
        Files.writeString(wast, "(module)");
        Files.setLastModifiedTime(wast, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        WastConverter converter = new WastConverter(dir.resolve("cache"), fakeTool().toString());

        Path json = converter.convert(wast);
        assertEquals(dir.resolve("cache/nop/nop.json"), json);
        assertEquals(1, runs());
        assertEquals("nop.wast", LoadedScript.fromJson(json).name());

        converter.convert(wast);
        assertEquals(1, runs(), "a fresh cache is reused");

        Files.setLastModifiedTime(wast, FileTime.from(Instant.now().plusSeconds(60)));
        converter.convert(wast);
        assertEquals(2, runs(), "a newer script is converted again");
    }

    @Test
    void aScriptOfTheSameNameElsewhereIsConvertedAgain() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path first = Files.writeString(dir.resolve("a/x.wast"), "(module)");
        Path second = Files.writeString(dir.resolve("b/x.wast"), "(module)");
        WastConverter converter = new WastConverter(dir.resolve("cache"), fakeTool().toString());
        converter.convert(first);
        converter.convert(second);
        assertEquals(2, runs());
    }

    @Test
    void aMissingToolSaysHowToInstallIt() throws IOException {
        Path wast = Files.writeString(dir.resolve("nop.wast"), "(module)");
        WastConverter converter = new WastConverter(dir.resolve("cache"), dir.resolve("no-such-tool").toString());
        SpecSetupException e = assertThrows(SpecSetupException.class, () -> converter.convert(wast));
        assertTrue(e.getMessage().contains("apt-get install wabt"), e.getMessage());
    }

    @Test
    void aFailingToolIsAnIOExceptionWithItsFirstLine() throws IOException {
        Path tool = dir.resolve("failing-tool");
        Files.writeString(tool, "#!/bin/sh\necho 'x.wast:1:1: error: unexpected token' >&2\nexit 1\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Path wast = Files.writeString(dir.resolve("x.wast"), "garbage");
        WastConverter converter = new WastConverter(dir.resolve("cache"), tool.toString());
        IOException e = assertThrows(IOException.class, () -> converter.convert(wast));
        assertEquals("failing-tool rejected x.wast: x.wast:1:1: error: unexpected token", e.getMessage().replace(tool.toString(), "failing-tool"));
        assertTrue(Files.notExists(dir.resolve("cache/x")), "no half-converted cache is left behind");
    }
}
