package dev.nebula.text;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code assert_malformed} of a quoted text module in the core suite: the parser rejects it
 * with a {@link TextFormatException} that has a position inside the quoted text. (The binary
 * decoder never sees these modules.)
 */
class SpecMalformedTextTest {

    /** The pinned suite's quoted malformed modules: all 1077 of its text-format commands; a change means the suite changed. */
    static final int QUOTED_MALFORMED = 1077;

    @TestFactory
    List<DynamicTest> everyQuotedMalformedModuleIsRejectedWithAPosition() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path script : Suites.specScripts()) {
            for (WastCommand c : Suites.read(script)) {
                if (!(c instanceof WastCommand.AssertModule a) || !a.kind().equals("assert_malformed")) continue;
                if (a.module().kind() != WastCommand.Module.Kind.QUOTE) continue;
                String name = script.getFileName() + ":" + a.line() + " \"" + a.text() + "\"";
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    TextFormatException e = assertThrows(TextFormatException.class,
                            () -> WatParser.parseQuoted(a.module().quotedText(), false));
                    assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
                    long lines = new String(a.module().quotedText(), java.nio.charset.StandardCharsets.UTF_8).lines().count();
                    assertTrue(e.line() <= Math.max(1, lines + 1), "line " + e.line() + " beyond the text: " + e.getMessage());
                }));
            }
        }
        assertEquals(QUOTED_MALFORMED, tests.size(), "quoted malformed modules in the suite");
        return tests;
    }

    @Test
    void everyOneCarriesTheSuitesOwnMessage() throws IOException {
        List<String> different = new ArrayList<>();
        for (Path script : Suites.specScripts()) {
            for (WastCommand c : Suites.read(script)) {
                if (!(c instanceof WastCommand.AssertModule a) || !a.kind().equals("assert_malformed")
                        || a.module().kind() != WastCommand.Module.Kind.QUOTE) continue;
                try {
                    WatParser.parseQuoted(a.module().quotedText(), false);
                } catch (TextFormatException e) {
                    // The harness's rule: our phrase starts with the suite's text.
                    if (!e.specMessage().startsWith(a.text())) different.add(script.getFileName() + ":" + a.line() + " suite \"" + a.text() + "\", we \"" + e.specMessage() + "\"");
                }
            }
        }
        assertEquals(List.of(), different);
    }
}
