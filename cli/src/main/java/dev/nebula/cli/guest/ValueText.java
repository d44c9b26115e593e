package dev.nebula.cli.guest;

import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Wasm values as command-line text, both ways, for {@code nebula run --invoke}.
 *
 * <p>Parsing, by the parameter's type: i32 and i64 in decimal (negative, or the unsigned form
 * up to 2^32-1 / 2^64-1) or hex {@code 0x..} (optionally signed); f32 and f64 in decimal
 * ({@code 1.5}, {@code -2e-3}), hex ({@code 0x1.8p3}), {@code inf}, {@code -inf}, {@code nan},
 * {@code -nan} or {@code nan:0xPAYLOAD}. Decimal and hex floats round to nearest, ties to even.
 *
 * <p>Printing: integers as signed decimal; floats as the fewest significant digits that read
 * back as the same value, positional when the decimal exponent is in -6..20 ({@code 1.5},
 * {@code 3}, {@code 0.000001}, {@code -0}) and else {@code 1e21}, {@code 1.5e-7}, the way
 * JavaScript prints numbers; {@code inf}, {@code -inf}; the canonical NaN as {@code nan} or
 * {@code -nan}, another NaN with its payload as {@code nan:0x1} (the text format's syntax).
 * References print as {@code ref.null func}, {@code ref.null extern}, {@code ref.func}, {@code ref.extern}.
 *
 * <p>A v128 is one word either way: the text format's {@code SHAPE LANE...} ({@code "i32x4 1 2 3 4"},
 * quoted on a command line; shapes i8x16, i16x8, i32x4, i64x2, f32x4, f64x2, lane 0 first, each
 * lane read as an integer or float of its width) or {@code 0x} and up to 32 hex digits, the 128
 * bits as one number with lane 0 in the lowest digits. It prints in the hex form, 32 digits, or
 * in a shape's text form ({@link #formatV128(long, long, String)}).
 */
public final class ValueText {

    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX_INT = Pattern.compile("[+-]?0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?[0-9]+)?");
    private static final Pattern NAN_PAYLOAD = Pattern.compile("([+-]?)nan:0x([0-9a-f]+)");

    private ValueText() {
    }

    /**
     * The value of {@code text} as a {@code type}, in the engine's long form.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static long parse(ValType type, String text) {
        return switch (type) {
            case I32 -> Values.i32((int) integer(text, 32, "an i32"));
            case I64 -> integer(text, 64, "an i64");
            case F32 -> parseFloat(text, true);
            case F64 -> parseFloat(text, false);
            case V128 -> throw new IllegalArgumentException("a v128 takes two longs: use parseV128");
            case FUNCREF, EXTERNREF -> throw new IllegalArgumentException(type + " arguments cannot be given on the command line");
        };
    }

    /** The shapes of the text format's {@code v128.const}, by name: lane bits, float or not. */
    private static final java.util.Map<String, int[]> SHAPES = java.util.Map.of(
            "i8x16", new int[]{8, 0}, "i16x8", new int[]{16, 0}, "i32x4", new int[]{32, 0},
            "i64x2", new int[]{64, 0}, "f32x4", new int[]{32, 1}, "f64x2", new int[]{64, 1});

    /**
     * A v128 as {@code [low, high]} from {@code "SHAPE LANE..."} or {@code 0xHEX}.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static long[] parseV128(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String digits = t.substring(2).replace("_", "");
            if (digits.isEmpty() || digits.length() > 32 || !digits.matches("[0-9a-fA-F]+")) {
                throw new IllegalArgumentException("\"" + text + "\" is not a v128 (0x and 1 to 32 hex digits)");
            }
            BigInteger v = new BigInteger(digits, 16);
            return new long[]{v.longValue(), v.shiftRight(64).longValue()};
        }
        String[] words = t.split("\\s+");
        int[] shape = SHAPES.get(words[0].toLowerCase(Locale.ROOT));
        if (shape == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a v128 (\"i32x4 1 2 3 4\": a shape i8x16, i16x8,"
                    + " i32x4, i64x2, f32x4 or f64x2 and its lanes, or 0x and 32 hex digits)");
        }
        int bits = shape[0];
        int lanes = 128 / bits;
        if (words.length - 1 != lanes) {
            throw new IllegalArgumentException("\"" + text + "\": " + words[0] + " takes " + lanes + " lanes, got " + (words.length - 1));
        }
        long[] halves = new long[2];
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        for (int i = 0; i < lanes; i++) {
            String lane = words[i + 1];
            long v;
            if (shape[1] == 1) v = parseFloat(lane, bits == 32);
            else if (bits == 64) v = integer(lane, 64, "an i64 lane");
            else v = integer(lane, bits, "an i" + bits + " lane");
            int at = i * bits;
            halves[at >> 6] |= (v & mask) << (at & 63);
        }
        return halves;
    }

    /** A v128 as {@code 0x} and 32 hex digits: the 128 bits as one number, lane 0 in the lowest digits. */
    public static String formatV128(long lo, long hi) {
        return String.format("0x%016x%016x", hi, lo);
    }

    /** A v128 in the text format's syntax for {@code shape} ({@code i32x4 1 2 3 4}): integers signed, floats as {@link #format}. */
    public static String formatV128(long lo, long hi, String shape) {
        int[] s = SHAPES.get(shape.toLowerCase(Locale.ROOT));
        if (s == null) throw new IllegalArgumentException("no v128 shape \"" + shape + "\" (i8x16, i16x8, i32x4, i64x2, f32x4, f64x2)");
        int bits = s[0];
        StringBuilder out = new StringBuilder(shape.toLowerCase(Locale.ROOT));
        for (int i = 0; i < 128 / bits; i++) {
            int at = i * bits;
            long raw = (at < 64 ? lo : hi) >>> (at & 63);
            out.append(' ');
            if (s[1] == 1) out.append(bits == 32 ? formatF32((int) raw) : formatF64(raw));
            else out.append(bits == 64 ? raw : (raw << (64 - bits)) >> (64 - bits));
        }
        return out.toString();
    }

    private static long integer(String text, int bits, String what) {
        BigInteger value;
        if (DECIMAL_INT.matcher(text).matches()) {
            value = new BigInteger(text);
        } else if (HEX_INT.matcher(text).matches()) {
            boolean negative = text.startsWith("-");
            String digits = text.substring(text.startsWith("+") || negative ? 3 : 2);
            value = new BigInteger(digits, 16);
            if (negative) value = value.negate();
        } else {
            throw new IllegalArgumentException("\"" + text + "\" is not " + what + " (decimal or 0x hex)");
        }
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger maxUnsigned = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(maxUnsigned) > 0) {
            throw new IllegalArgumentException("\"" + text + "\" does not fit " + what + " (" + min + " to " + maxUnsigned + ")");
        }
        return value.longValue();
    }

    /** The bits of a float: for {@code single} the f32 bits in the low 32 bits, else the f64 bits. */
    private static long parseFloat(String text, boolean single) {
        String what = single ? "an f32" : "an f64";
        String lower = text.toLowerCase(Locale.ROOT);
        long signBit = single ? 0x8000_0000L : 0x8000_0000_0000_0000L;
        long exponentBits = single ? 0x7F80_0000L : 0x7FF0_0000_0000_0000L;
        long mantissaMask = single ? 0x007F_FFFFL : 0x000F_FFFF_FFFF_FFFFL;
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        long sign = lower.startsWith("-") ? signBit : 0;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) return sign | exponentBits;
        if (unsigned.equals("nan")) return sign | exponentBits | (mantissaMask + 1) >>> 1;
        var payload = NAN_PAYLOAD.matcher(lower);
        if (payload.matches()) {
            BigInteger p = new BigInteger(payload.group(2), 16);
            if (p.signum() == 0 || p.bitLength() > Long.bitCount(mantissaMask)) {
                throw new IllegalArgumentException("\"" + text + "\": a NaN payload must be 1 to 0x" + Long.toHexString(mantissaMask));
            }
            return sign | exponentBits | p.longValue();
        }
        String javaText;
        if (DECIMAL_FLOAT.matcher(text).matches()) {
            javaText = text;
        } else if (HEX_FLOAT.matcher(text).matches()) {
            javaText = lower.contains("p") ? text : text + "p0";
        } else {
            throw new IllegalArgumentException("\"" + text + "\" is not " + what + " (decimal, 0x hex, inf, -inf or nan)");
        }
        return single ? Float.floatToRawIntBits(Float.parseFloat(javaText)) & 0xFFFF_FFFFL
                : Double.doubleToRawLongBits(Double.parseDouble(javaText));
    }

    /** How {@code nebula run} prints a result of {@code type}. */
    public static String format(ValType type, long value) {
        return switch (type) {
            case I32 -> Integer.toString((int) value);
            case I64 -> Long.toString(value);
            case F32 -> formatF32((int) value);
            case F64 -> formatF64(value);
            case V128 -> throw new IllegalArgumentException("a v128 takes two longs: use formatV128");
            case FUNCREF -> value == 0 ? "ref.null func" : "ref.func";
            case EXTERNREF -> value == 0 ? "ref.null extern" : "ref.extern";
        };
    }

    public static String formatF32(int bits) {
        float f = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(f)) return nan(sign, bits & 0x007F_FFFF, 0x0040_0000);
        if (Float.isInfinite(f)) return sign + "inf";
        if (f == 0) return sign + "0";
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; ; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == f) return decimal(rounded);
        }
    }

    public static String formatF64(long bits) {
        double d = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(d)) return nan(sign, bits & 0x000F_FFFF_FFFF_FFFFL, 0x0008_0000_0000_0000L);
        if (Double.isInfinite(d)) return sign + "inf";
        if (d == 0) return sign + "0";
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; ; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) return decimal(rounded);
        }
    }

    private static String nan(String sign, long payload, long canonical) {
        return payload == canonical ? sign + "nan" : sign + "nan:0x" + Long.toHexString(payload);
    }

    /** Positional for decimal exponents -6..20, else d.ddde±x with the exponent's sign only when negative. */
    private static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -6 && exponent < 21) return v.toPlainString();
        String digits = v.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
