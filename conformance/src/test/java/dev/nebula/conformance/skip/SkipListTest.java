package dev.nebula.conformance.skip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The skip-list format both harnesses share: reasons declared once, entries naming them, and a
 * clear error, with the file and the line, for every malformed line.
 */
class SkipListTest {

    /** Selectors are plain names here: a subject matches the entry that spells it, or a {@code *} entry. */
    private static final SelectorSyntax<String> NAMES = text -> {
        if (text.equals("bad")) throw new IllegalArgumentException("the selector 'bad' is rejected by the harness");
        return new Selector<>() {
            @Override
            public boolean matches(String subject) {
                return text.equals("*") || text.equals(subject);
            }

            @Override
            public int specificity() {
                return text.equals("*") ? 0 : 2;
            }
        };
    };

    private static SkipList<String> parse(String text) throws IOException {
        return SkipList.parse("skips.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), NAMES);
    }

    private static String error(String text) {
        return assertThrows(SkipListFormatException.class, () -> parse(text)).getMessage();
    }

    @Test
    void entriesNameDeclaredReasonsAndTheMostSpecificWins() throws IOException {
        SkipList<String> list = parse("""
                # a comment, then a blank line

                reason slow = takes minutes
                a              | slow
                engine=aot a   | gap
                *              | slow
                reason gap = the engine lacks it
                """);
        assertEquals(List.of(new SkipReason("slow", "takes minutes"), new SkipReason("gap", "the engine lacks it")), list.reasons());
        assertEquals("gap", list.reasonFor("aot", "a").orElseThrow().key(), "naming the engine beats not naming it");
        assertEquals("slow", list.reasonFor("interp", "a").orElseThrow().key());
        assertEquals("slow", list.reasonFor(null, "b").orElseThrow().key());
        assertEquals(3, list.size());
        assertEquals("engine=aot a | gap", list.entries().get(1).toString());
        assertEquals(5, list.entries().get(1).line());
    }

    @Test
    void aMissingReasonIsAnError() {
        assertEquals("skips.txt:2: missing reason: expected \"[engine=ENGINE] SELECTOR | REASON\", got \"a\"",
                error("reason r = why\na\n"));
        assertEquals("skips.txt:2: missing reason after '|' for \"a\"", error("reason r = why\na |   \n"));
    }

    @Test
    void anUnknownReasonIsAnError() {
        assertEquals("skips.txt:3: unknown reason \"slo\" (declared: slow, gap; declare it with a line \"reason slo = DESCRIPTION\")",
                error("reason slow = takes minutes\nreason gap = lacks it\na | slo\n"));
        assertEquals("skips.txt:1: unknown reason \"takes minutes\" (none is declared; declare it with a line \"reason KEY = DESCRIPTION\")",
                error("a | takes minutes\n"));
    }

    @Test
    void aDuplicateEntryIsAnError() {
        assertEquals("skips.txt:3: duplicate entry \"a\" (first on line 2)", error("reason r = why\na | r\na  |  r\n"));
        assertEquals("skips.txt:3: duplicate entry \"engine=aot a\" (first on line 2)", error("reason r = why\nengine=aot a | r\nengine=aot   a | r\n"));
    }

    @Test
    void theSameSelectorOnAnotherEngineIsNotADuplicate() throws IOException {
        assertEquals(3, parse("reason r = why\na | r\nengine=aot a | r\nengine=interp a | r\n").size());
    }

    @Test
    void badDeclarationsAreErrors() {
        assertEquals("skips.txt:2: the reason r is already declared on line 1", error("reason r = why\nreason r = again\n"));
        assertEquals("skips.txt:1: expected \"reason KEY = DESCRIPTION\", got \"reason r why\"", error("reason r why\n"));
        assertEquals("skips.txt:1: the reason r needs a description", error("reason r =  \n"));
        assertEquals("skips.txt:1: a reason's key is lower-case letters, digits and '-', got \"Slow Down\"", error("reason Slow Down = why\n"));
    }

    @Test
    void badSelectorsAndEnginesAreErrors() {
        assertEquals("skips.txt:2: unknown engine 'jit' (expected interp or aot)", error("reason r = why\nengine=jit a | r\n"));
        assertEquals("skips.txt:2: engine=NAME needs a selector after it", error("reason r = why\nengine=aot | r\n"));
        assertEquals("skips.txt:2: a selector is one word, got \"a b\"", error("reason r = why\na b | r\n"));
        assertEquals("skips.txt:2: no selector before '|'", error("reason r = why\n | r\n"));
        assertEquals("skips.txt:2: the selector 'bad' is rejected by the harness", error("reason r = why\nbad | r\n"));
    }

    @Test
    void aFileNamesItselfInItsErrors(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("my-skips.txt"), "reason r = why\na | nope\n");
        SkipListFormatException e = assertThrows(SkipListFormatException.class, () -> SkipList.read(file, NAMES));
        assertEquals(file.toString(), e.source());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: unknown reason \"nope\""), e.getMessage());
    }

    @Test
    void nothingIsSkippedByAnEmptyList() throws IOException {
        assertTrue(parse("# only comments\n").reasonFor("interp", "a").isEmpty());
        assertTrue(SkipList.<String>none().reasonFor("interp", "a").isEmpty());
    }

    @Test
    void countsArePrintedAndPinnedPerReason() {
        SkipCounts counts = new SkipCounts();
        assertEquals(List.of("skipped, by reason: none"), counts.reportLines());
        assertEquals("none", counts.pinText());
        SkipReason slow = new SkipReason("slow", "takes minutes");
        SkipReason gap = new SkipReason("gap", "the engine lacks it");
        for (int i = 0; i < 12; i++) counts.add(slow);
        counts.add(gap);
        SkipCounts more = new SkipCounts();
        more.add(gap);
        counts.addAll(more);
        assertEquals(14, counts.total());
        assertEquals(Map.of(gap, 2, slow, 12), counts.byReason());
        assertEquals(List.of("skipped, by reason:", "   2  gap: the engine lacks it", "  12  slow: takes minutes"), counts.reportLines());
        assertEquals("2 gap, 12 slow", counts.pinText());
    }
}
