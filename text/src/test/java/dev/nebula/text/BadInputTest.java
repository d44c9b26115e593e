package dev.nebula.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile and broken text gets a {@link TextFormatException} with a position, quickly: never another exception, a stack overflow or a hang. */
class BadInputTest {

    private static TextFormatException rejects(byte[] source) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(TextFormatException.class, () -> WatParser.parse(source)));
    }

    private static TextFormatException rejects(String source) {
        return rejects(source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unterminatedStringNamesWhereItStarted() {
        TextFormatException e = rejects("(module\n  (data \"abc");
        assertEquals("unclosed string", e.specMessage());
        assertEquals(2, e.line());
        assertEquals(9, e.column());
    }

    @Test
    void unterminatedBlockCommentNamesWhereItStarted() {
        TextFormatException e = rejects("(module)\n (; open (; nested ;) still open");
        assertEquals("unclosed comment", e.specMessage());
        assertEquals(2, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void unbalancedParentheses() {
        assertEquals("unexpected end", rejects("(module (func)").specMessage());
        assertEquals("unexpected token", rejects("(module))").specMessage());
    }

    @Test
    void hundredThousandOpenParenthesesAreRefusedNotRecursedInto() {
        String deep = "(module (func " + "(block ".repeat(100_000) + ")".repeat(100_002);
        TextFormatException e = rejects(deep);
        assertEquals("nesting too deep", e.specMessage());
        assertTrue(e.getMessage().contains(String.valueOf(Lexer.MAX_DEPTH)), e.getMessage());
    }

    @Test
    void nestingJustBelowTheLimitParses() {
        int depth = Lexer.MAX_DEPTH - 3;
        String body = "(block ".repeat(depth) + ")".repeat(depth);
        byte[] wasm = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WatParser.parse("(module (func " + body + "))"));
        assertTrue(wasm.length > depth * 3);
    }

    @Test
    void hundredThousandNestedPlainBlocksParseWithoutRecursion() {
        int depth = 100_000;
        String body = "block ".repeat(depth) + "end ".repeat(depth);
        byte[] wasm = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> WatParser.parse("(module (func " + body + "))"));
        assertTrue(wasm.length > depth * 3);
        assertEquals("unexpected token", rejects("(module (func " + "block ".repeat(depth) + "))").specMessage());
        assertEquals("unexpected token", rejects("(module (func end))").specMessage());
        assertEquals("unexpected token", rejects("(module (func block else end))").specMessage());
    }

    @Test
    void hugeNumbersAreOutOfRangeNotSlow() {
        String digits = "9".repeat(1_000_000);
        assertEquals("constant out of range", rejects("(module (func (drop (i32.const " + digits + "))))").specMessage());
        assertEquals("constant out of range", rejects("(module (func (drop (i64.const 0x" + "f".repeat(17) + "))))").specMessage());
        assertEquals("constant out of range", rejects("(module (func (drop (f32.const 1e" + digits + "))))").specMessage());
        assertEquals("i32 constant out of range", rejects("(module (memory 4294967296))").specMessage());
    }

    @Test
    void hugeFloatsRoundToInfinityAndAreRejected() {
        assertEquals("constant out of range", rejects("(module (func (drop (f64.const 0x1p1024))))").specMessage());
        assertEquals("constant out of range", rejects("(module (func (drop (f32.const 3.5e38))))").specMessage());
    }

    @Test
    void invalidUtf8InANameIsMalformedUtf8() {
        byte[] bad = "(module (func (export \"\\ff\\fe\")))".getBytes(StandardCharsets.US_ASCII);
        assertEquals("malformed UTF-8 encoding", rejects(bad).specMessage());
        byte[] raw = {'(', 'm', 'o', 'd', 'u', 'l', 'e', ' ', '(', 'f', 'u', 'n', 'c', ' ', '(', 'e', 'x', 'p', 'o', 'r', 't', ' ', '"', (byte) 0xC0, '"', ')', ')', ')'};
        assertEquals("malformed UTF-8 encoding", rejects(raw).specMessage());
    }

    @Test
    void bytesOutsideStringsAreUnexpectedCharacters() {
        TextFormatException e = rejects(new byte[]{'(', 'm', 'o', 'd', 'u', 'l', 'e', ' ', (byte) 0xFF, ')'});
        assertEquals("unexpected character", e.specMessage());
        assertEquals(9, e.column());
        assertEquals("unexpected character", rejects("(module \u0001)").specMessage());
    }

    @Test
    void badEscapes() {
        assertEquals("illegal escape", rejects("(module (data \"\\q\"))").specMessage());
        assertEquals("illegal escape", rejects("(module (data \"\\u{110000}\"))").specMessage());
        assertEquals("illegal escape", rejects("(module (data \"\\u{d800}\"))").specMessage());
    }

    @Test
    void binaryGarbageIsATextError() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        rejects(garbage);
    }

    @Test
    void emptyInputIsAnEmptyModule() {
        assertEquals(8, WatParser.parse("").length);
    }
}
