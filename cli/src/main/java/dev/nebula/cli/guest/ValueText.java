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
            case V128 -> throw new IllegalArgumentException("v128 arguments cannot be given on the command line");
            case FUNCREF, EXTERNREF -> throw new IllegalArgumentException(type + " arguments cannot be given on the command line");
        };
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
            case V128 -> "v128 0x" + Long.toHexString(value);
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
