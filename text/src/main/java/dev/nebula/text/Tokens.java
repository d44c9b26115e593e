package dev.nebula.text;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A cursor over a token list, with the small vocabulary recursive-descent parsing needs: look at
 * the next token, take a keyword, open or close a parenthesis, skip a whole S-expression.
 */
public final class Tokens {

    private final List<Token> tokens;
    private final int[] partner;
    private int pos;

    Tokens(List<Token> tokens, int[] partner) {
        this.tokens = tokens;
        this.partner = partner;
    }

    public int position() {
        return pos;
    }

    public void seek(int position) {
        pos = position;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    public Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1);
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) pos++;
        return t;
    }

    public boolean atEof() {
        return peek().kind() == Token.Kind.EOF;
    }

    public boolean isRpar() {
        return peek().kind() == Token.Kind.RPAR;
    }

    public boolean isLpar() {
        return peek().kind() == Token.Kind.LPAR;
    }

    /** True when the next token is the atom {@code word}. */
    public boolean isAtom(String word) {
        Token t = peek();
        return t.kind() == Token.Kind.ATOM && t.text().equals(word);
    }

    /** True when the next tokens are {@code (} and the atom {@code word}. */
    public boolean isSexpr(String word) {
        Token t = peek(1);
        return peek().kind() == Token.Kind.LPAR && t.kind() == Token.Kind.ATOM && t.text().equals(word);
    }

    /** The atom after the next {@code (}, or null. */
    public String sexprHead() {
        if (peek().kind() != Token.Kind.LPAR) return null;
        Token t = peek(1);
        return t.kind() == Token.Kind.ATOM ? t.text() : null;
    }

    public void lpar() {
        if (next().kind() != Token.Kind.LPAR) throw unexpected(tokens.get(pos - 1));
    }

    public void rpar() {
        Token t = peek();
        if (t.kind() != Token.Kind.RPAR) throw unexpected(t);
        pos++;
    }

    /** Takes {@code (word}. */
    public void open(String word) {
        lpar();
        keyword(word);
    }

    public void keyword(String word) {
        Token t = peek();
        if (t.kind() != Token.Kind.ATOM || !t.text().equals(word)) throw unexpected(t);
        pos++;
    }

    public boolean takeAtom(String word) {
        if (!isAtom(word)) return false;
        pos++;
        return true;
    }

    public String atom() {
        Token t = peek();
        if (t.kind() != Token.Kind.ATOM) throw unexpected(t);
        pos++;
        return t.text();
    }

    /** An optional {@code $id}: its name without the dollar, or null. */
    public String optionalId() {
        Token t = peek();
        if (t.kind() != Token.Kind.ID) return null;
        pos++;
        return t.text();
    }

    public byte[] string() {
        Token t = peek();
        if (t.kind() != Token.Kind.STRING) throw unexpected(t);
        pos++;
        return t.bytes();
    }

    public boolean isString() {
        return peek().kind() == Token.Kind.STRING;
    }

    /** A string that must be valid UTF-8 (a name, spec 6.3.4). */
    public String name() {
        Token t = peek();
        byte[] bytes = string();
        return utf8(bytes, t);
    }

    static String utf8(byte[] bytes, Token at) {
        boolean ascii = true;
        for (byte b : bytes) ascii &= b >= 0;
        if (ascii) return new String(bytes, StandardCharsets.US_ASCII);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TextFormatException("malformed UTF-8 encoding", at.line(), at.column());
        }
    }

    /** Skips one token, or a whole S-expression when the next token is {@code (}. */
    public void skip() {
        if (peek().kind() == Token.Kind.LPAR) pos = partner[pos] + 1;
        else next();
    }

    /** Position of the {@code )} closing the S-expression that starts at {@code lparPosition}. */
    public int closing(int lparPosition) {
        return partner[lparPosition];
    }

    public TextFormatException unexpected(Token t) {
        return new TextFormatException(t.kind() == Token.Kind.EOF ? "unexpected end" : "unexpected token", t.show(), t.line(), t.column());
    }

    public TextFormatException error(String message) {
        Token t = peek();
        return new TextFormatException(message, t.line(), t.column());
    }

    /** An error at token {@code at}, which the message shows: {@code unknown operator: i32.ad}. */
    public TextFormatException error(String message, Token at) {
        return new TextFormatException(message, at.show(), at.line(), at.column());
    }
}
