package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipListFormatException;
import dev.nebula.conformance.skip.SkipReason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec harness's selector grammar (script, line, kind, qualifier) inside the common skip-list format. */
class SpecSkipRulesTest {

    private static final String REASONS = """
            reason any = any malformed
            reason text = text malformed
            reason one = that one command
            reason simd = simd on interp
            reason short = one-letter simd scripts
            reason all = everything
            reason aot-one = that one on aot
            """;

    private static SkipList<SpecSkipRules.Subject> parse(String entries) throws IOException {
        return SpecSkipRules.parse("spec-skips.txt", REASONS + entries);
    }

    private static Optional<String> key(SkipList<SpecSkipRules.Subject> list, String engine, String script, ScriptCommand command,
                                        SpecSkipRules.CommandFacts facts) {
        return list.reasonFor(engine, new SpecSkipRules.Subject(script, command, facts)).map(SkipReason::key);
    }

    private static Optional<String> key(SkipList<SpecSkipRules.Subject> list, String script, ScriptCommand command) {
        return key(list, null, script, command, SpecSkipRules.CommandFacts.NONE);
    }

    private static final ScriptCommand TEXT_MALFORMED = new ScriptCommand.AssertMalformed(7, "a.1.wat", "x", ModuleType.TEXT);
    private static final ScriptCommand BINARY_MALFORMED = new ScriptCommand.AssertMalformed(9, "a.2.wasm", "x", ModuleType.BINARY);
    private static final ScriptCommand RETURN = new ScriptCommand.AssertReturn(11, new Action.Invoke(null, "f", List.of()), List.of());
    private static final SpecSkipRules.CommandFacts V128 = () -> true;
    private static final SpecSkipRules.CommandFacts NO_V128 = () -> false;

    @Test
    void theMostSpecificSelectorWins() throws IOException {
        SkipList<SpecSkipRules.Subject> list = parse("""
                # comment
                assert_malformed        | any
                assert_malformed/text   | text
                a.wast:9                | one
                """);
        assertEquals(Optional.of("text"), key(list, "a.wast", TEXT_MALFORMED));
        assertEquals(Optional.of("one"), key(list, "a.wast", BINARY_MALFORMED));
        assertEquals(Optional.of("any"), key(list, "b.wast", BINARY_MALFORMED));
    }

    @Test
    void unlistedCommandsRun() throws IOException {
        assertTrue(key(parse("assert_return | all"), "a.wast", BINARY_MALFORMED).isEmpty());
        assertTrue(key(SkipList.none(), "a.wast", TEXT_MALFORMED).isEmpty());
    }

    @Test
    void theBundledListSkipsNothing() {
        SkipList<SpecSkipRules.Subject> bundled = SpecSkipRules.bundled();
        assertEquals(0, bundled.size(), "every command runs; a skip needs an entry and a reason in " + SpecSkipRules.BUNDLED);
        assertTrue(key(bundled, "a.wast", TEXT_MALFORMED).isEmpty(), "text modules run: the text parser judges them");
        assertTrue(key(bundled, "interp", "simd_lane.wast", RETURN, V128).isEmpty(), "SIMD runs on the interpreter");
        assertTrue(key(bundled, "aot", "simd_lane.wast", RETURN, V128).isEmpty(), "and on aot");
    }

    @Test
    void enginesGlobsQualifiersAndWildcardsCombine() throws IOException {
        SkipList<SpecSkipRules.Subject> list = parse("""
                engine=interp simd_*.wast:*/v128 | simd
                simd_?.wast:assert_return        | short
                *                                | all
                engine=aot a.wast:11             | aot-one
                """);
        assertEquals(Optional.of("simd"), key(list, "interp", "simd_x.wast", RETURN, V128));
        assertEquals(Optional.of("short"), key(list, "interp", "simd_x.wast", RETURN, NO_V128));
        assertEquals(Optional.of("all"), key(list, "interp", "simd_xy.wast", RETURN, NO_V128));
        assertEquals(Optional.of("aot-one"), key(list, "aot", "a.wast", RETURN, NO_V128));
        assertEquals(Optional.of("all"), key(list, "interp", "a.wast", RETURN, NO_V128));
    }

    @Test
    void factsAreOnlyWorkedOutWhenASelectorNeedsThem() throws IOException {
        SpecSkipRules.CommandFacts exploding = () -> {
            throw new AssertionError("asked for v128 facts");
        };
        SkipList<SpecSkipRules.Subject> list = parse("engine=interp simd_*.wast:*/v128 | simd");
        assertTrue(key(list, "interp", "i32.wast", RETURN, exploding).isEmpty());
        assertTrue(key(list, "aot", "simd_a.wast", RETURN, exploding).isEmpty());
    }

    @Test
    void badSelectorsAreRejectedWithTheirLine() {
        int first = REASONS.split("\n").length + 1;
        String qualifier = assertThrows(SkipListFormatException.class, () -> parse("assert_return/fast | all")).getMessage();
        assertTrue(qualifier.startsWith("spec-skips.txt:" + first + ": unknown qualifier /fast (expected one of "), qualifier);
        assertEquals("spec-skips.txt:" + first + ": no command kind in selector a.wast:",
                assertThrows(SkipListFormatException.class, () -> parse("a.wast: | all")).getMessage());
        assertEquals(first, assertThrows(SkipListFormatException.class, () -> parse("a.wast:assert_return extra | all")).line());
    }
}
