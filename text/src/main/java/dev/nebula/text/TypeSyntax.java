package dev.nebula.text;

import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.ValType;

import java.math.BigInteger;

/** Types of the text format (spec 6.4): value types, reference types, limits, and u32 literals. */
final class TypeSyntax {

    private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

    private TypeSyntax() {
    }

    /** A value type keyword, or null when the atom is none. */
    static ValType valType(String word) {
        return switch (word) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FUNCREF;
            case "externref" -> ValType.EXTERNREF;
            default -> null;
        };
    }

    static ValType valType(Tokens t) {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM) throw t.unexpected(at);
        ValType v = valType(at.text());
        if (v == null) throw t.unexpected(at);
        t.next();
        return v;
    }

    static ValType refType(Tokens t) {
        Token at = t.peek();
        ValType v = at.kind() == Token.Kind.ATOM ? valType(at.text()) : null;
        if (v == null || !v.isReference()) throw t.unexpected(at);
        t.next();
        return v;
    }

    /** The heap type of {@code ref.null}: {@code func} or {@code extern}. */
    static ValType heapType(Tokens t) {
        Token at = t.peek();
        if (t.takeAtom("func")) return ValType.FUNCREF;
        if (t.takeAtom("extern")) return ValType.EXTERNREF;
        throw t.unexpected(at);
    }

    /** A u32 literal (limits, offsets, indices); too large is "i32 constant out of range". */
    static long u32(Tokens t) {
        Token at = t.peek();
        if (at.kind() != Token.Kind.ATOM || !NumberLiterals.looksNumeric(at.text())) throw t.unexpected(at);
        t.next();
        return u32(at.text(), at);
    }

    static long u32(String text, Token at) {
        BigInteger v;
        try {
            v = NumberLiterals.unsigned(text);
        } catch (NumberLiterals.NotANumber e) {
            throw new TextFormatException("unknown operator", text, at.line(), at.column());
        }
        if (v.compareTo(U32_MAX) > 0) throw new TextFormatException("i32 constant out of range", text, at.line(), at.column());
        return v.longValue();
    }

    static boolean isU32(Tokens t) {
        Token at = t.peek();
        return at.kind() == Token.Kind.ATOM && !at.text().isEmpty() && at.text().charAt(0) >= '0' && at.text().charAt(0) <= '9';
    }

    /** {@code min max?} (spec 6.4.4). */
    static Limits limits(Tokens t) {
        long min = u32(t);
        if (isU32(t)) return Limits.of(min, u32(t));
        return Limits.of(min);
    }
}
