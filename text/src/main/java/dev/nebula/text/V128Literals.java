package dev.nebula.text;

/**
 * {@code v128.const SHAPE lane*} (spec 6.5.10): the shape names how many lanes follow and how each
 * is read; the 16 bytes are written little-endian, lane 0 first.
 */
final class V128Literals {

    private V128Literals() {
    }

    /** Lane count and width in bits for a shape keyword, or null. */
    static int[] shape(String word) {
        return switch (word) {
            case "i8x16" -> new int[]{16, 8, 0};
            case "i16x8" -> new int[]{8, 16, 0};
            case "i32x4" -> new int[]{4, 32, 0};
            case "i64x2" -> new int[]{2, 64, 0};
            case "f32x4" -> new int[]{4, 32, 1};
            case "f64x2" -> new int[]{2, 64, 1};
            default -> null;
        };
    }

    /** An instruction keyword ends the literals of a plain {@code v128.const}. */
    private static boolean isKeyword(String word) {
        return CodeParser.isKnownMnemonic(word) || word.equals("end") || word.equals("else") || word.equals("block")
                || word.equals("loop") || word.equals("if");
    }

    static void write(Tokens t, WasmWriter w) {
        long[] halves = read(t);
        w.fixed64(halves[0]).fixed64(halves[1]);
    }

    /** Reads a shape and its lanes; returns the low and high 64 bits. */
    static long[] read(Tokens t) {
        Token at = t.peek();
        int[] shape = at.kind() == Token.Kind.ATOM ? shape(at.text()) : null;
        if (shape == null) {
            boolean keyword = at.kind() == Token.Kind.ATOM && !NumberLiterals.looksNumeric(at.text());
            throw t.error(keyword ? "unknown operator" : "unexpected token", at);
        }
        t.next();
        int count = shape[0];
        // The reference parser counts the literals before reading them.
        int literals = 0;
        while (t.peek(literals).kind() == Token.Kind.ATOM && !isKeyword(t.peek(literals).text())) literals++;
        if (literals != count) throw t.error("wrong number of lane literals", t.peek(Math.min(literals, count)));
        int bits = shape[1];
        boolean floating = shape[2] == 1;
        long[] halves = new long[2];
        for (int i = 0; i < count; i++) {
            Token lane = t.peek();
            if (lane.kind() != Token.Kind.ATOM) throw t.error("wrong number of lane literals", lane);
            t.next();
            long v;
            try {
                if (floating) v = bits == 32 ? NumberLiterals.f32(lane.text()) & 0xFFFF_FFFFL : NumberLiterals.f64(lane.text());
                else v = NumberLiterals.integer(lane.text(), bits);
            } catch (NumberLiterals.NotANumber e) {
                throw t.error("unknown operator", lane);
            } catch (NumberLiterals.OutOfRange e) {
                throw t.error("constant out of range", lane);
            }
            int bitOffset = i * bits;
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            halves[bitOffset / 64] |= (v & mask) << (bitOffset % 64);
        }
        return halves;
    }
}
