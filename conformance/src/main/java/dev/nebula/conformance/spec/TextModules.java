package dev.nebula.conformance.spec;

import dev.nebula.text.TextFormatException;
import dev.nebula.text.WatParser;
import dev.nebula.wasm.MalformedModuleException;

/**
 * Text-format modules of spec scripts ({@code (module quote ...)}, and text that did not parse) to
 * binary. A text the parser rejects is malformed, as the spec's {@code assert_malformed} means
 * it, so the rejection becomes a {@link MalformedModuleException} carrying the parser's message
 * and position; the harness then judges it like any other malformed module.
 */
final class TextModules {

    private TextModules() {
    }

    static byte[] toBinary(byte[] text) {
        try {
            return WatParser.parseQuoted(text, false);
        } catch (TextFormatException e) {
            throw malformed(e);
        }
    }

    static MalformedModuleException malformed(TextFormatException e) {
        return new MalformedModuleException(e.specMessage(), 0,
                "in the text format, line " + e.line() + ", column " + e.column() + (e.getMessage().contains(": " + e.specMessage() + ": ")
                        ? " (" + e.getMessage().substring(e.getMessage().indexOf(": " + e.specMessage() + ": ") + e.specMessage().length() + 4) + ")" : ""));
    }
}
