package dev.nebula.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text-format source into tokens (spec 6.2): parentheses, strings, identifiers and atoms,
 * skipping white space, line comments {@code ;;} and nested block comments {@code (; ;)}. It also
 * pairs every parenthesis, so that the parser can skip a whole S-expression in one step, and
 * refuses nesting deeper than {@link #MAX_DEPTH}: the parser recurses over folded instructions,
 * and hostile input must get an error, never a {@link StackOverflowError}.
 *
 * <p>The source is bytes: outside strings and comments only ASCII may appear; strings may hold any
 * UTF-8 text and escapes for arbitrary bytes.
 */
public final class Lexer {

    /**
     * Deepest parenthesis nesting accepted: far beyond hand-written folded code (compilers nest
     * plain blocks, which are not parenthesised), and within a 1 MiB thread stack even before the
     * JIT compiles the parser (two frames a level).
     */
    public static final int MAX_DEPTH = 1_000;

    private final byte[] src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int columnAt;
    private int columnValue = 1;

    private Lexer(byte[] src) {
        this.src = src;
    }

    /** The tokens of {@code src}, ending with an {@link Token.Kind#EOF} token. */
    public static Tokens tokenize(byte[] src) {
        return new Lexer(src).run();
    }

    private Tokens run() {
        List<Token> tokens = new ArrayList<>(src.length / 4 + 4);
        List<Integer> open = new ArrayList<>();
        int[] partner = new int[16];
        while (true) {
            skipBlanks();
            if (pos >= src.length) break;
            int b = src[pos] & 0xFF;
            int col = column(pos);
            Token t;
            if (b == '(') {
                pos++;
                t = new Token(Token.Kind.LPAR, null, null, line, col);
                if (open.size() >= MAX_DEPTH) throw new TextFormatException("nesting too deep", "more than " + MAX_DEPTH + " open parentheses", line, col);
                open.add(tokens.size());
            } else if (b == ')') {
                pos++;
                t = new Token(Token.Kind.RPAR, null, null, line, col);
                // An unmatched ) is left for the parser, which reports whatever comes first in the
                // text, as the reference parser does; it stops at this token at the latest.
                if (!open.isEmpty()) {
                    int o = open.remove(open.size() - 1);
                    if (partner.length <= tokens.size()) partner = java.util.Arrays.copyOf(partner, tokens.size() * 2 + 2);
                    partner[o] = tokens.size();
                }
            } else if (b == '"') {
                t = string(col);
                checkSeparated();
            } else if (isIdChar(b)) {
                int start = pos;
                while (pos < src.length && isIdChar(src[pos] & 0xFF)) pos++;
                String text = new String(src, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
                t = new Token(b == '$' ? Token.Kind.ID : Token.Kind.ATOM, b == '$' ? text.substring(1) : text, null, line, col);
                if (b == '$' && text.length() == 1) throw new TextFormatException("unexpected token", "empty identifier", line, col);
                checkSeparated();
            } else {
                throw new TextFormatException("unexpected character", describe(b), line, col);
            }
            tokens.add(t);
        }
        if (!open.isEmpty()) {
            Token o = tokens.get(open.get(open.size() - 1));
            throw new TextFormatException("unexpected end", "unclosed ( opened here", o.line(), o.column());
        }
        tokens.add(new Token(Token.Kind.EOF, null, null, line, column(pos)));
        if (partner.length < tokens.size()) partner = java.util.Arrays.copyOf(partner, tokens.size());
        return new Tokens(tokens, partner);
    }

    /** A token must end at white space, a parenthesis, a comment or the end (spec 6.2.2). */
    private void checkSeparated() {
        if (pos >= src.length) return;
        int b = src[pos] & 0xFF;
        if (b == '(' || b == ')' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ';') return;
        throw new TextFormatException("unknown operator", "tokens must be separated by white space", line, column(pos));
    }

    private void skipBlanks() {
        while (pos < src.length) {
            int b = src[pos] & 0xFF;
            if (b == ' ' || b == '\t' || b == '\r') {
                pos++;
            } else if (b == '\n') {
                newline(++pos);
            } else if (b == ';' && pos + 1 < src.length && src[pos + 1] == ';') {
                while (pos < src.length && src[pos] != '\n') pos++;
            } else if (b == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int startLine = line;
        int startCol = column(pos);
        int depth = 0;
        while (pos < src.length) {
            if (src[pos] == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                depth++;
                pos += 2;
            } else if (src[pos] == ';' && pos + 1 < src.length && src[pos + 1] == ')') {
                pos += 2;
                if (--depth == 0) return;
            } else if (src[pos] == '\n') {
                newline(++pos);
            } else {
                pos++;
            }
        }
        throw new TextFormatException("unclosed comment", startLine, startCol);
    }

    private Token string(int col) {
        int startLine = line;
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos >= src.length) throw new TextFormatException("unclosed string", startLine, col);
            int b = src[pos] & 0xFF;
            if (b == '"') {
                pos++;
                break;
            }
            if (b == '\n') throw new TextFormatException("unclosed string", "strings cannot span lines", startLine, col);
            if (b < 0x20 || b == 0x7F) throw new TextFormatException("illegal control character in string", line, column(pos));
            if (b != '\\') {
                out.write(b);
                pos++;
                continue;
            }
            int at = pos;
            pos++;
            if (pos >= src.length) throw new TextFormatException("unclosed string", startLine, col);
            int e = src[pos++] & 0xFF;
            switch (e) {
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case '\\' -> out.write('\\');
                case 'u' -> unicodeEscape(out, at);
                default -> {
                    int hi = hexDigit(e);
                    int lo = pos < src.length ? hexDigit(src[pos] & 0xFF) : -1;
                    if (hi < 0 || lo < 0) throw new TextFormatException("illegal escape", line, column(at));
                    pos++;
                    out.write(hi * 16 + lo);
                }
            }
        }
        byte[] bytes = out.toByteArray();
        return new Token(Token.Kind.STRING, null, bytes, startLine, col);
    }

    /** {@code \\u{hex}}: a Unicode scalar value, written as UTF-8. */
    private void unicodeEscape(java.io.ByteArrayOutputStream out, int at) {
        if (pos >= src.length || src[pos] != '{') throw new TextFormatException("illegal escape", line, column(at));
        pos++;
        long cp = 0;
        int digits = 0;
        while (pos < src.length && src[pos] != '}') {
            int d = hexDigit(src[pos] & 0xFF);
            if (d < 0 && src[pos] == '_' && digits > 0) {
                pos++;
                continue;
            }
            if (d < 0) throw new TextFormatException("illegal escape", line, column(at));
            cp = Math.min(cp * 16 + d, 0x1_0000_0000L);
            digits++;
            pos++;
        }
        if (pos >= src.length || digits == 0) throw new TextFormatException("illegal escape", line, column(at));
        pos++;
        if (cp >= 0xD800 && cp < 0xE000 || cp > 0x10FFFF) throw new TextFormatException("illegal escape", "not a Unicode scalar value", line, column(at));
        byte[] utf8 = new String(Character.toChars((int) cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
    }

    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** idchar of spec 6.3.5. */
    static boolean isIdChar(int c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') return true;
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '/', ':', '<', '=', '>', '?', '@', '\\', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    private void newline(int next) {
        line++;
        lineStart = next;
        columnAt = next;
        columnValue = 1;
    }

    /**
     * Column from 1, counting characters (UTF-8 continuation bytes do not start one). Tokens are
     * asked for in order, so counting resumes from the last answer: one pass per line, not one per token.
     */
    private int column(int at) {
        if (at < columnAt) {
            columnAt = lineStart;
            columnValue = 1;
        }
        for (int i = columnAt; i < at && i < src.length; i++) if ((src[i] & 0xC0) != 0x80) columnValue++;
        columnAt = at;
        return columnValue;
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }
}
