package dev.nebula.text;

import java.math.BigInteger;

/**
 * The number syntax of the text format (spec 6.3.1-6.3.2): decimal and hexadecimal integers with
 * optional sign and {@code _} between digits; floats in decimal or hexadecimal notation,
 * {@code inf}, {@code nan} and {@code nan:0xPAYLOAD}. A token that is not a number of the
 * wanted kind is an "unknown operator" (the reference parser lexes it as a keyword); a number that
 * does not fit is "constant out of range".
 */
public final class NumberLiterals {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private NumberLiterals() {
    }

    /** Thrown when a token is not a number at all; callers turn it into a positioned error. */
    static final class NotANumber extends RuntimeException {
        NotANumber() {
            super(null, null, false, false);
        }
    }

    /** Thrown when a number does not fit its type. */
    static final class OutOfRange extends RuntimeException {
        OutOfRange() {
            super(null, null, false, false);
        }
    }

    /** True when {@code text} could start a number (a digit or a sign), so a parser may expect one. */
    public static boolean looksNumeric(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        if (c == '+' || c == '-') {
            if (text.length() == 1) return false;
            c = text.charAt(1);
        }
        return c >= '0' && c <= '9' || text.startsWith("inf", text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0)
                || text.startsWith("nan", text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0);
    }

    /**
     * True when {@code text} is a float literal, or one of the script's NaN patterns
     * ({@code nan:canonical}, {@code nan:arithmetic}): a well-formed token of the wrong kind where an
     * integer (or, for the patterns, a number) is expected.
     */
    static boolean isFloatLiteral(String text) {
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (body.equals("nan:canonical") || body.equals("nan:arithmetic")) return true;
        try {
            floatBits(text, true);
            return true;
        } catch (NotANumber e) {
            return false;
        } catch (OutOfRange e) {
            return true;
        }
    }

    /** An unsigned integer without sign ({@code u32}, {@code u64}): indices, limits, offsets. */
    static BigInteger unsigned(String text) {
        if (text.isEmpty() || text.charAt(0) == '+' || text.charAt(0) == '-') throw new NotANumber();
        return magnitude(text, 0);
    }

    /**
     * An {@code iN} of {@code bits} 8, 16, 32 or 64: signed values and unsigned values up to 2^N-1,
     * returned as the two's-complement bits in a long.
     */
    static long integer(String text, int bits) {
        if (text.isEmpty()) throw new NotANumber();
        long fast = smallDecimal(text, bits);
        if (fast != Long.MIN_VALUE) return fast;
        boolean negative = text.charAt(0) == '-';
        boolean signed = negative || text.charAt(0) == '+';
        BigInteger m = magnitude(text, signed ? 1 : 0);
        BigInteger limit = BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits);
        if (negative ? m.compareTo(limit) > 0 : m.compareTo(limit) >= 0) throw new OutOfRange();
        BigInteger v = negative ? m.negate() : m;
        return v.mod(TWO_64).longValue() & (bits == 64 ? -1L : (1L << bits) - 1);
    }

    /**
     * The common case, a plain decimal of at most 18 digits with an optional sign: read without
     * BigInteger. Long.MIN_VALUE means "take the general path" (it cannot be such a result).
     */
    private static long smallDecimal(String text, int bits) {
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        int n = text.length() - i;
        if (n == 0 || n > 18) return Long.MIN_VALUE;
        long v = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return Long.MIN_VALUE;
            v = v * 10 + (c - '0');
        }
        boolean signed = first == '-' || first == '+';
        if (bits < 64) {
            long limit = signed ? 1L << (bits - 1) : 1L << bits;
            if (negative ? v > limit : v >= limit) throw new OutOfRange();
        }
        long r = negative ? -v : v;
        return bits == 64 ? r : r & ((1L << bits) - 1);
    }

    /** digits or 0x hexdigits from {@code start}, with single underscores between digits. */
    private static BigInteger magnitude(String text, int start) {
        int radix = 10;
        int i = start;
        if (text.startsWith("0x", i)) {
            radix = 16;
            i += 2;
        }
        String digits = digits(text, i, text.length(), radix);
        if (digits == null) throw new NotANumber();
        if (digits.length() > 40) {
            // Far beyond 2^64: no need to build a huge BigInteger from hostile input.
            String trimmed = digits.replaceFirst("^0+", "");
            if (trimmed.length() > 40) return TWO_64.shiftLeft(8);
            digits = trimmed.isEmpty() ? "0" : trimmed;
        }
        return new BigInteger(digits, radix);
    }

    /** The digits between {@code from} and {@code to} with underscores removed, or null if malformed. */
    private static String digits(String text, int from, int to, int radix) {
        if (from >= to) return null;
        StringBuilder sb = new StringBuilder(to - from);
        boolean lastDigit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                if (!lastDigit) return null;
                lastDigit = false;
                continue;
            }
            if (Character.digit(c, radix) < 0 || c > 'f') return null;
            sb.append(c);
            lastDigit = true;
        }
        return lastDigit ? sb.toString() : null;
    }

    /** The bits of an f32 literal. */
    static int f32(String text) {
        return (int) floatBits(text, false);
    }

    /** The bits of an f64 literal. */
    static long f64(String text) {
        return floatBits(text, true);
    }

    private static long floatBits(String text, boolean dbl) {
        if (text.isEmpty()) throw new NotANumber();
        boolean negative = text.charAt(0) == '-';
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        String body = text.substring(i);
        long sign = negative ? (dbl ? Long.MIN_VALUE : 0x8000_0000L) : 0;
        if (body.equals("inf")) return sign | (dbl ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L);
        if (body.equals("nan")) return sign | (dbl ? 0x7FF8_0000_0000_0000L : 0x7FC0_0000L);
        if (body.startsWith("nan:0x")) {
            String d = digits(body, 6, body.length(), 16);
            if (d == null) throw new NotANumber();
            BigInteger payload = d.length() > 20 ? TWO_64 : new BigInteger(d, 16);
            long max = dbl ? 0xF_FFFF_FFFF_FFFFL : 0x7F_FFFFL;
            if (payload.signum() == 0 || payload.compareTo(BigInteger.valueOf(max)) > 0) throw new OutOfRange();
            return sign | (dbl ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L) | payload.longValue();
        }
        if (body.startsWith("0x")) {
            long exact = exactHexFloat(body, dbl);
            if (exact != -1) return sign | exact;
        }
        String javaText = body.startsWith("0x") ? hexFloat(body) : decimalFloat(body);
        if (javaText == null) throw new NotANumber();
        javaText = (negative ? "-" : "") + javaText;
        if (dbl) {
            double v = Double.parseDouble(javaText);
            if (Double.isInfinite(v)) throw new OutOfRange();
            return Double.doubleToRawLongBits(v);
        }
        float v = Float.parseFloat(javaText);
        if (Float.isInfinite(v)) throw new OutOfRange();
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    /**
     * The bits of a positive hex float whose mantissa fits the format exactly and whose value is
     * normal, computed directly (Java's own hex parser goes through a regular expression); -1 when
     * the literal needs rounding or is not that simple, for the general path to decide.
     */
    private static long exactHexFloat(String s, boolean dbl) {
        long mantissa = 0;
        int fractionDigits = 0;
        int i = 2;
        boolean dot = false;
        int digits = 0;
        boolean lastDigit = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = Lexer.hexDigit(c);
            if (d >= 0) {
                if (mantissa >>> 52 != 0) return -1;
                mantissa = mantissa * 16 + d;
                if (dot) fractionDigits++;
                digits++;
                lastDigit = true;
            } else if (c == '_' && lastDigit) {
                lastDigit = false;
            } else if (c == '.' && !dot && lastDigit) {
                dot = true;
                lastDigit = false; // an underscore may not follow the dot
            } else {
                break;
            }
        }
        if (digits == 0 || !lastDigit && !(dot && s.charAt(i - 1) == '.')) return -1;
        int exponent = 0;
        if (i < s.length()) {
            char c = s.charAt(i);
            if (c != 'p' && c != 'P') return -1;
            i++;
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
            int expDigits = 0;
            boolean last = false;
            for (; i < s.length(); i++) {
                char e = s.charAt(i);
                if (e >= '0' && e <= '9') {
                    if (exponent > 100_000) return -1;
                    exponent = exponent * 10 + (e - '0');
                    expDigits++;
                    last = true;
                } else if (e == '_' && last) {
                    last = false;
                } else {
                    return -1;
                }
            }
            if (expDigits == 0 || !last) return -1;
            if (negative) exponent = -exponent;
        }
        if (mantissa == 0) return 0;
        int scale = exponent - 4 * fractionDigits;
        if (dbl) {
            if (mantissa >>> 53 != 0) return -1;
            double v = Math.scalb((double) mantissa, scale);
            if (Double.isInfinite(v) || Math.abs(v) < Double.MIN_NORMAL) return -1;
            return Double.doubleToRawLongBits(v);
        }
        if (mantissa >>> 24 != 0) return -1;
        float v = Math.scalb((float) mantissa, scale);
        if (Float.isInfinite(v) || Math.abs(v) < Float.MIN_NORMAL) return -1;
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    /** {@code num (. num?)? ([eE] sign? num)?} in Java's syntax, or null. */
    private static String decimalFloat(String s) {
        return floatParts(s, 0, 10, 'e', 'E', "");
    }

    /** {@code 0x hexnum (. hexnum?)? ([pP] sign? num)?} in Java's syntax (which needs the exponent), or null. */
    private static String hexFloat(String s) {
        return floatParts(s, 2, 16, 'p', 'P', "0x");
    }

    private static String floatParts(String s, int start, int radix, char exp1, char exp2, String prefix) {
        int dot = -1;
        int exp = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0 && exp < 0) dot = i;
            else if ((c == exp1 || c == exp2) && exp < 0) exp = i;
        }
        int mantEnd = exp >= 0 ? exp : s.length();
        int intEnd = dot >= 0 ? dot : mantEnd;
        String whole = digits(s, start, intEnd, radix);
        if (whole == null) return null;
        String frac = "";
        if (dot >= 0 && dot + 1 < mantEnd) {
            frac = digits(s, dot + 1, mantEnd, radix);
            if (frac == null) return null;
        }
        String exponent = "0";
        if (exp >= 0) {
            int e = exp + 1;
            String sign = "";
            if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                sign = s.charAt(e) == '-' ? "-" : "";
                e++;
            }
            String d = digits(s, e, s.length(), 10);
            if (d == null) return null;
            // Java reads the exponent as an int; beyond that the value is 0 or infinite anyway.
            int zeros = 0;
            while (zeros < d.length() - 1 && d.charAt(zeros) == '0') zeros++;
            d = d.substring(zeros);
            if (d.length() > 9) d = "999999999";
            exponent = sign + d;
        }
        if (radix == 10 && exp < 0 && dot < 0) return whole;
        return prefix + whole + (frac.isEmpty() ? "" : "." + frac) + (radix == 16 ? "p" : "e") + exponent;
    }
}
