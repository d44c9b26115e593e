package dev.nebula.cli.spec;

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

    private static final ScriptCommand TEXT_MALFORMED = new ScriptCommand.AssertMalformed(7, "a.1.wat", "x", ModuleType.TEXT);
    private static final ScriptCommand BINARY_MALFORMED = new ScriptCommand.AssertMalformed(9, "a.2.wasm", "x", ModuleType.BINARY);

    @Test
    void theMostSpecificSelectorWins() throws IOException {
        SkipList list = parse("""
                # comment
                assert_malformed        | any malformed
                assert_malformed/text   | text malformed
                a.wast:9                | that one command
                """);
        assertEquals(Optional.of(new SkipReason("text malformed")), list.reasonFor("a.wast", TEXT_MALFORMED));
        assertEquals(Optional.of(new SkipReason("that one command")), list.reasonFor("a.wast", BINARY_MALFORMED));
        assertEquals(Optional.of(new SkipReason("any malformed")), list.reasonFor("b.wast", BINARY_MALFORMED));
    }

    @Test
    void unlistedCommandsRun() throws IOException {
        assertTrue(parse("assert_return | runtime").reasonFor("a.wast", BINARY_MALFORMED).isEmpty());
        assertTrue(SkipList.none().reasonFor("a.wast", TEXT_MALFORMED).isEmpty());
    }

    @Test
    void theBundledListSkipsTextModulesAndExecution() {
        SkipList bundled = SkipList.bundled();
        assertEquals("text format not supported yet", bundled.reasonFor("a.wast", TEXT_MALFORMED).orElseThrow().text());
        assertTrue(bundled.reasonFor("a.wast", BINARY_MALFORMED).isEmpty());
        assertTrue(bundled.reasonFor("a.wast", new ScriptCommand.ModuleCommand(1, null, "a.0.wasm")).isEmpty());
        assertEquals("execution needs the runtime (issue 3)",
                bundled.reasonFor("a.wast", new ScriptCommand.Register(3, null, "M")).orElseThrow().text());
    }

    @Test
    void malformedLinesAreRejected() {
        assertThrows(IOException.class, () -> parse("assert_return without a reason"));
        assertThrows(IOException.class, () -> parse("a | one\na | two"));
    }
}
