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

    private static final ScriptCommand RETURN = new ScriptCommand.AssertReturn(11,
            new Action.Invoke(null, "f", java.util.List.of()), java.util.List.of());
    private static final SkipList.CommandFacts V128 = () -> true;
    private static final SkipList.CommandFacts NO_V128 = () -> false;

    @Test
    void theBundledListSkipsNothing() {
        SkipList bundled = SkipList.bundled();
        assertTrue(bundled.reasonFor("a.wast", TEXT_MALFORMED).isEmpty(), "text modules run: the text parser judges them");
        assertTrue(bundled.reasonFor("a.wast", BINARY_MALFORMED).isEmpty());
        assertTrue(bundled.reasonFor("a.wast", new ScriptCommand.ModuleCommand(1, null, "a.0.wasm")).isEmpty());
        assertTrue(bundled.reasonFor("a.wast", new ScriptCommand.Register(3, null, "M")).isEmpty());
        assertTrue(bundled.reasonFor("interp", "simd_lane.wast", RETURN, V128).isEmpty(), "SIMD runs on the interpreter");
        assertTrue(bundled.reasonFor("aot", "simd_lane.wast", RETURN, V128).isEmpty(), "and on aot");
    }

    @Test
    void enginesGlobsQualifiersAndWildcardsCombine() throws IOException {
        SkipList list = parse("""
                engine=interp simd_*.wast:*/v128 | simd on interp
                simd_?.wast:assert_return        | one-letter simd scripts
                *                                | everything
                engine=aot a.wast:11             | that one on aot
                """);
        assertEquals("simd on interp", list.reasonFor("interp", "simd_x.wast", RETURN, V128).orElseThrow().text());
        assertEquals("one-letter simd scripts", list.reasonFor("interp", "simd_x.wast", RETURN, NO_V128).orElseThrow().text());
        assertEquals("everything", list.reasonFor("interp", "simd_xy.wast", RETURN, NO_V128).orElseThrow().text());
        assertEquals("that one on aot", list.reasonFor("aot", "a.wast", RETURN, NO_V128).orElseThrow().text());
        assertEquals("everything", list.reasonFor("interp", "a.wast", RETURN, NO_V128).orElseThrow().text());
    }

    @Test
    void factsAreOnlyWorkedOutWhenARuleNeedsThem() throws IOException {
        SkipList.CommandFacts exploding = () -> {
            throw new AssertionError("asked for v128 facts");
        };
        SkipList list = parse("engine=interp simd_*.wast:*/v128 | simd");
        assertTrue(list.reasonFor("interp", "i32.wast", RETURN, exploding).isEmpty());
        assertTrue(list.reasonFor("aot", "simd_a.wast", RETURN, exploding).isEmpty());
    }

    @Test
    void malformedLinesAreRejected() {
        assertThrows(IOException.class, () -> parse("assert_return without a reason"));
        assertThrows(IOException.class, () -> parse("a | one\na | two"));
        assertThrows(IOException.class, () -> parse("assert_return/fast | no such qualifier"));
        assertThrows(IOException.class, () -> parse("engine=interp | no rule"));
        assertThrows(IOException.class, () -> parse("a.wast:assert_return extra | stray word"));
        assertThrows(IOException.class, () -> parse("assert_return |   "));
    }
}
