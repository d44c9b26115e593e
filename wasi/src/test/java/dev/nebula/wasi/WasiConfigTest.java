package dev.nebula.wasi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder: defaults that grant nothing, and refusals of what a C program could not receive. */
class WasiConfigTest {

    @Test
    void defaultsGrantNothing() {
        WasiConfig c = WasiConfig.builder().build();
        assertEquals(List.of(), c.args());
        assertEquals(Map.of(), c.env());
        assertEquals(List.of(), c.preopens());
        assertInstanceOf(Stdio.Input.class, c.stdin());
        assertInstanceOf(Stdio.Output.class, c.stdout());
        assertInstanceOf(Stdio.Output.class, c.stderr());
    }

    @Test
    void stringsWithNulAndBadVariableNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().args("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("", "c"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("A", "\0"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().preopen(Path.of("."), ""));
    }

    @Test
    void streamsMustGoTheRightWay() {
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().stdin(Stdio.of(new ByteArrayOutputStream())));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().stdout(Stdio.emptyInput()));
    }

    @Test
    void aPreopenMustBeADirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "");
        WasiConfig c = WasiConfig.builder().preopen(file, "/f").build();
        assertThrows(IllegalArgumentException.class, () -> new Wasi(c));
        WasiConfig missing = WasiConfig.builder().preopen(dir.resolve("missing"), "/m").build();
        assertThrows(IllegalArgumentException.class, () -> new Wasi(missing));
    }

    @Test
    void laterSettingsReplaceEarlierOnesAndEnvironmentKeepsItsOrder() {
        WasiConfig c = WasiConfig.builder().args("a").args("b", "c").env("Z", "1").env("A", "2").env("Z", "3").build();
        assertEquals(List.of("b", "c"), c.args());
        assertEquals(List.of("Z", "A"), List.copyOf(c.env().keySet()));
        assertEquals("3", c.env().get("Z"));
    }
}
