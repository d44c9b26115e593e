package dev.nebula.text;

import java.nio.charset.StandardCharsets;

/**
 * Entry point of the text format: a {@code .wat} module (spec 6.6.13) to the binary format.
 * Accepts {@code (module $id? field*)}, the bare fields (the abbreviation that omits the
 * {@code module} wrapper), and the script forms {@code (module binary "..."*)} and
 * {@code (module quote "..."*)}.
 */
public final class WatParser {

    private WatParser() {
    }

    /** The binary module for text {@code source}; names from {@code $id}s are not kept. */
    public static byte[] parse(byte[] source) {
        return parse(source, false);
    }

    public static byte[] parse(String source) {
        return parse(source.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * The binary module for {@code source}; with {@code debugNames}, a "name" custom section
     * records the module's, functions' and locals' {@code $id}s.
     *
     * @throws TextFormatException with line and column when the text is not a module
     */
    public static byte[] parse(byte[] source, boolean debugNames) {
        Tokens t = Lexer.tokenize(source);
        byte[] module;
        if (t.isSexpr("module")) {
            module = moduleForm(t, debugNames).bytes();
        } else {
            module = ModuleParser.parseFields(t, null, debugNames);
        }
        if (!t.atEof()) throw t.unexpected(t.peek());
        return module;
    }

    /** A parsed {@code (module ...)} form: its {@code $id} (or null), and its binary. */
    public record ModuleForm(String id, byte[] bytes, Kind kind, byte[] quotedText) {
        public enum Kind { TEXT, BINARY, QUOTE }
    }

    /**
     * Reads one {@code (module $id? ...)} form at the cursor. A quoted module is returned
     * unparsed ({@link ModuleForm#quotedText()}) when {@code parseQuote} is false, since a script
     * must be able to carry a malformed quoted module to the assertion that rejects it.
     */
    static ModuleForm moduleForm(Tokens t, boolean debugNames, boolean parseQuote) {
        t.open("module");
        String id = t.optionalId();
        ModuleForm form;
        if (t.isAtom("binary") || t.isAtom("quote")) {
            boolean binary = t.atom().equals("binary");
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            while (t.isString()) joined.writeBytes(t.string());
            byte[] bytes = joined.toByteArray();
            if (binary) form = new ModuleForm(id, bytes, ModuleForm.Kind.BINARY, null);
            else form = new ModuleForm(id, parseQuote ? parseQuoted(bytes, debugNames) : null, ModuleForm.Kind.QUOTE, bytes);
        } else {
            form = new ModuleForm(id, ModuleParser.parseFields(t, id, debugNames), ModuleForm.Kind.TEXT, null);
        }
        t.rpar();
        return form;
    }

    static ModuleForm moduleForm(Tokens t, boolean debugNames) {
        return moduleForm(t, debugNames, true);
    }

    /** The text of a {@code (module quote ...)}: a module or its bare fields. */
    public static byte[] parseQuoted(byte[] text, boolean debugNames) {
        return parse(text, debugNames);
    }
}
