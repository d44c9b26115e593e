package dev.nebula.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Number syntax (spec 6.3.1-6.3.2), by example and by property. */
class NumberLiteralsTest {

    @Test
    void integersInEveryForm() {
        assertEquals(0xFFFF_FFFFL, NumberLiterals.integer("-1", 32));
        assertEquals(0xFFFF_FFFFL, NumberLiterals.integer("4294967295", 32));
        assertEquals(0xFFFF_FFFFL, NumberLiterals.integer("0xffff_ffff", 32));
        assertEquals(0x8000_0000L, NumberLiterals.integer("-0x8000_0000", 32));
        assertEquals(1_000_000L, NumberLiterals.integer("+1_000_000", 32));
        assertEquals(Long.MIN_VALUE, NumberLiterals.integer("-9223372036854775808", 64));
        assertEquals(-1L, NumberLiterals.integer("18446744073709551615", 64));
        assertEquals(0x80L, NumberLiterals.integer("-128", 8));
    }

    @Test
    void integersOutOfRangeOrMalformed() {
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.integer("4294967296", 32));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.integer("-2147483649", 32));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.integer("+4294967295", 32));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.integer("256", 8));
        for (String bad : new String[]{"1__0", "_1", "1_", "0x", "0x_1", "1a", "--1", "", "+", "0x1g"}) {
            assertThrows(NumberLiterals.NotANumber.class, () -> NumberLiterals.integer(bad, 32), bad);
        }
    }

    @Test
    void floatsInEveryForm() {
        assertEquals(Float.floatToRawIntBits(1.5f), NumberLiterals.f32("1.5"));
        assertEquals(Float.floatToRawIntBits(1.5f), NumberLiterals.f32("0x1.8p0"));
        assertEquals(Float.floatToRawIntBits(1.5f), NumberLiterals.f32("0x1.8"));
        assertEquals(Float.floatToRawIntBits(1e10f), NumberLiterals.f32("1_0e+0_9"));
        assertEquals(Float.floatToRawIntBits(100f), NumberLiterals.f32("100"));
        assertEquals(Float.floatToRawIntBits(1f), NumberLiterals.f32("1."));
        assertEquals(0x7F80_0000, NumberLiterals.f32("inf"));
        assertEquals(0xFF80_0000, NumberLiterals.f32("-inf"));
        assertEquals(0x7FC0_0000, NumberLiterals.f32("nan"));
        assertEquals(0xFFC0_0000, NumberLiterals.f32("-nan"));
        assertEquals(0x7F80_0001, NumberLiterals.f32("nan:0x1"));
        assertEquals(0x8000_0000, NumberLiterals.f32("-0"));
        assertEquals(0x7FF0_0000_0000_0001L, NumberLiterals.f64("nan:0x1"));
        assertEquals(0x7FEF_FFFF_FFFF_FFFFL, NumberLiterals.f64("0x1.fffffffffffffp1023"));
        assertEquals(1L, NumberLiterals.f64("0x1p-1074"));
        assertEquals(0L, NumberLiterals.f64("0x1p-1076"));
    }

    @Test
    void floatsOutOfRangeOrMalformed() {
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f32("nan:0x800000"));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f32("nan:0x0"));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f32("1e39"));
        assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f64("0x1p1024"));
        for (String bad : new String[]{"1.e", "0x.1", ".5", "1e", "nan:0x", "nan:1", "infinity", "1.5f", "0x1p", "1__0.0"}) {
            assertThrows(NumberLiterals.NotANumber.class, () -> NumberLiterals.f64(bad), bad);
        }
    }

    @Property
    void hexFloatsAgreeWithJavasCorrectlyRoundedParser(@ForAll long mantissa, @ForAll @net.jqwik.api.constraints.IntRange(min = -1100, max = 1100) int exponent,
                                                       @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 15) int fractionDigits) {
        String hex = Long.toHexString(mantissa);
        String text = fractionDigits > 0 && fractionDigits < hex.length()
                ? "0x" + hex.substring(0, hex.length() - fractionDigits) + "." + hex.substring(hex.length() - fractionDigits) + "p" + exponent
                : "0x" + hex + "p" + exponent;
        double expected = Double.parseDouble(text);
        if (Double.isInfinite(expected)) {
            assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f64(text), text);
        } else {
            assertEquals(Double.doubleToRawLongBits(expected), NumberLiterals.f64(text), text);
        }
        float expectedF = Float.parseFloat(text);
        if (Float.isInfinite(expectedF)) {
            assertThrows(NumberLiterals.OutOfRange.class, () -> NumberLiterals.f32(text), text);
        } else {
            assertEquals(Float.floatToRawIntBits(expectedF), NumberLiterals.f32(text), text);
        }
    }

    @Test
    void hexFloatUnderscoresAndDots() {
        assertEquals(Float.floatToRawIntBits(4f), NumberLiterals.f32("0x1.p2"));
        assertEquals(Float.floatToRawIntBits(1f), NumberLiterals.f32("0x1."));
        assertEquals(Float.floatToRawIntBits(0x1.01p0f), NumberLiterals.f32("0x1.0_1"));
        for (String bad : new String[]{"0x1._0", "0x_1", "0x1_.0", "0x1.0_", "0x1p_1", "0x1p1_", "0x1.0pp1"}) {
            assertThrows(NumberLiterals.NotANumber.class, () -> NumberLiterals.f32(bad), bad);
        }
    }

    @Property
    void everyF32PrintsAndParsesBackToItsBits(@ForAll int bits) {
        assertEquals(bits, NumberLiterals.f32(FloatText.f32(bits)));
    }

    @Property
    void everyF64PrintsAndParsesBackToItsBits(@ForAll long bits) {
        assertEquals(bits, NumberLiterals.f64(FloatText.f64(bits)));
    }

    @Property
    void everyI64ReadsBackInDecimalAndHex(@ForAll long v) {
        assertEquals(v, NumberLiterals.integer(Long.toString(v), 64));
        assertEquals(v, NumberLiterals.integer(Long.toUnsignedString(v), 64));
        assertEquals(v, NumberLiterals.integer("0x" + Long.toHexString(v), 64));
    }

    @Property
    void everyI32ReadsBackWithUnderscores(@ForAll int v) {
        String digits = Integer.toUnsignedString(v);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) grouped.append('_');
            grouped.append(digits.charAt(i));
        }
        assertEquals(v & 0xFFFF_FFFFL, NumberLiterals.integer(grouped.toString(), 32));
    }
}
