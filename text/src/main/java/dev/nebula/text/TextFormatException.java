package dev.nebula.text;

/**
 * The text is not a module (or script) of the WebAssembly text format (spec chapter 6). The
 * {@link #specMessage()} is the phrase the spec suite expects in {@code assert_malformed}
 * ("unexpected token", "unknown operator", "unknown label", ...); {@link #line()} and
 * {@link #column()} (both from 1) say where the parser stopped.
 */
public final class TextFormatException extends RuntimeException {

    private final String specMessage;
    private final int line;
    private final int column;

    public TextFormatException(String specMessage, int line, int column) {
        this(specMessage, null, line, column);
    }

    public TextFormatException(String specMessage, String detail, int line, int column) {
        super(line + ":" + column + ": " + specMessage + (detail == null ? "" : ": " + detail), null, false, false);
        this.specMessage = specMessage;
        this.line = line;
        this.column = column;
    }

    /** The message with the position last, for lines that start with the file name: {@code unknown operator: foo (line 3, column 5)}. */
    public String messageWithPosition() {
        String full = getMessage();
        String withoutPosition = full.substring(full.indexOf(": ") + 2);
        return withoutPosition + " (line " + line + ", column " + column + ")";
    }

    /** The spec's phrase alone. */
    public String specMessage() {
        return specMessage;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
