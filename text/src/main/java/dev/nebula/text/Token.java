package dev.nebula.text;

/**
 * One token of the text format (spec 6.2.2). Keywords, numbers and reserved words are all
 * {@link Kind#ATOM}s, told apart by the parser where the grammar expects one; a string keeps its
 * bytes (escapes resolved), since strings may hold any bytes, not only UTF-8.
 */
public record Token(Kind kind, String text, byte[] bytes, int line, int column) {

    public enum Kind { LPAR, RPAR, ATOM, ID, STRING, EOF }

    /** How the token is shown in an error message. */
    public String show() {
        return switch (kind) {
            case LPAR -> "(";
            case RPAR -> ")";
            case STRING -> "string";
            case EOF -> "end of input";
            default -> text;
        };
    }
}
