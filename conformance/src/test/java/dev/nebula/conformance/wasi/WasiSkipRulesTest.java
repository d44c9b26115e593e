package dev.nebula.wasi.suite;

import dev.nebula.wasi.testsuite.SkipList;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkipListTest {

    private static SkipList parse(String text) throws IOException {
        return SkipList.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledListParsesAndIsEmpty() {
        assertEquals(0, SkipList.bundled().size(), "all 72 tests run; a skip needs a reason in skip-list.txt");
    }

    @Test
    void theMostSpecificLineWins() throws IOException {
        SkipList list = parse("""
                # comment
                rust/*            | rust is slow
                rust/fd_readdir   | readdir order
                engine=aot rust/* | aot lacks it

                """);
        assertEquals(Optional.of("readdir order"), list.reasonFor("interp", "rust/fd_readdir"));
        assertEquals(Optional.of("readdir order"), list.reasonFor("aot", "rust/fd_readdir"));
        assertEquals(Optional.of("rust is slow"), list.reasonFor("interp", "rust/stdio"));
        assertEquals(Optional.of("aot lacks it"), list.reasonFor("aot", "rust/stdio"));
        assertEquals(Optional.of("rust is slow"), list.reasonFor(null, "rust/stdio"));
        assertEquals(Optional.empty(), list.reasonFor("interp", "c/stdio"));
        assertEquals(3, list.size());
    }

    @Test
    void badLinesAreRejectedWithTheirNumber() {
        assertTrue(assertThrows(IOException.class, () -> parse("c/x\n")).getMessage().startsWith("skip list line 1: expected"));
        assertEquals("skip list line 2: c/x has no reason",
                assertThrows(IOException.class, () -> parse("# r\nc/x |  \n")).getMessage());
        assertEquals("skip list line 2: duplicate selector c/x",
                assertThrows(IOException.class, () -> parse("c/x | a\nc/x | b\n")).getMessage());
        assertEquals("skip list line 1: expected one test id or glob, got \"c/x c/y\"",
                assertThrows(IOException.class, () -> parse("c/x c/y | a\n")).getMessage());
        assertEquals("skip list line 1: engine=NAME needs a test after it",
                assertThrows(IOException.class, () -> parse("engine=interp | a\n")).getMessage());
    }
}
