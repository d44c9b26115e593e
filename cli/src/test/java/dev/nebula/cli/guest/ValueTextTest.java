package dev.nebula.cli.guest;

import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTextTest {

    @ParameterizedTest(name = "{0} {1} -> 0x{2}")
    @CsvSource({
            "i32, 0, 0",
            "i32, -1, ffffffffffffffff",
            "i32, 4294967295, ffffffffffffffff",
            "i32, -2147483648, ffffffff80000000",
            "i32, 2147483647, 7fffffff",
            "i32, 0xff, ff",
            "i32, 0XFFFFFFFF, ffffffffffffffff",
            "i32, -0x80000000, ffffffff80000000",
            "i32, +7, 7",
            "i64, 18446744073709551615, ffffffffffffffff",
            "i64, -9223372036854775808, 8000000000000000",
            "i64, 0x7fffffffffffffff, 7fffffffffffffff",
            "i64, -0x10, fffffffffffffff0",
            "f32, 1.5, 3fc00000",
            "f32, 0.1, 3dcccccd",
            "f32, -0, 80000000",
            "f32, inf, 7f800000",
            "f32, -inf, ff800000",
            "f32, Infinity, 7f800000",
            "f32, nan, 7fc00000",
            "f32, -nan, ffc00000",
            "f32, nan:0x1, 7f800001",
            "f32, 0x1p-149, 1",
            "f32, 0x1.8p1, 40400000",
            "f32, 0x10, 41800000",
            "f32, 1e40, 7f800000",
            "f64, 0.1, 3fb999999999999a",
            "f64, -2.5e-3, bf647ae147ae147b",
            "f64, .5, 3fe0000000000000",
            "f64, 5., 4014000000000000",
            "f64, nan, 7ff8000000000000",
            "f64, nan:0x4000000000000, 7ff4000000000000",
            "f64, 0x1.fffffffffffffp1023, 7fefffffffffffff",
            "f64, 4.9e-324, 1",
    })
    void parsesByType(String type, String text, String hexBits) {
        assertEquals(Long.parseUnsignedLong(hexBits, 16), ValueText.parse(ValType.valueOf(type.toUpperCase()), text));
    }

    @ParameterizedTest(name = "{0} \"{1}\" is rejected")
    @CsvSource({
            "i32, 4294967296", "i32, -2147483649", "i32, 0x100000000", "i32, 1.0", "i32, abc", "i32, ''", "i32, 1_000", "i32, 0x",
            "i64, 18446744073709551616", "i64, -9223372036854775809",
            "f32, 1.5f", "f32, 1d", "f32, NaNs", "f32, nan:0x0", "f32, nan:0x800000", "f32, 1e", "f32, 0x1.8q3", "f32, ''",
            "f64, nan:0x10000000000000", "f64, --1",
            "funcref, 0", "externref, 0",
    })
    void rejectsWhatIsNotANumberOfTheType(String type, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueText.parse(ValType.valueOf(type.toUpperCase()), text));
        assertTrue(e.getMessage().contains(text.isEmpty() ? "\"\"" : text) || e.getMessage().contains("command line"), e.getMessage());
    }

    @ParameterizedTest(name = "f64 0x{0} prints {1}")
    @CsvSource({
            "3ff8000000000000, 1.5",
            "4008000000000000, 3",
            "8000000000000000, -0",
            "0, 0",
            "3fb999999999999a, 0.1",
            "3fd3333333333334, 0.30000000000000004",
            "444b1ae4d6e2ef50, 1e21",
            "4415af1d78b58c40, 100000000000000000000",
            "3e7ad7f29abcaf48, 1e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "1, 5e-324",
            "7fefffffffffffff, 1.7976931348623157e308",
            "44c52d02c7e14af6, 2e23",
            "4340000000000000, 9007199254740992",
            "7ff0000000000000, inf",
            "fff0000000000000, -inf",
            "7ff8000000000000, nan",
            "fff8000000000000, -nan",
            "7ff0000000000001, nan:0x1",
            "c00921fb54442d18, -3.141592653589793",
    })
    void printsF64InTheShortestFormThatReadsBack(String hexBits, String text) {
        assertEquals(text, ValueText.format(ValType.F64, Long.parseUnsignedLong(hexBits, 16)));
    }

    @ParameterizedTest(name = "f32 0x{0} prints {1}")
    @CsvSource({
            "3fc00000, 1.5",
            "3dcccccd, 0.1",
            "4b800000, 16777216",
            "1, 1e-45",
            "7f7fffff, 3.4028235e38",
            "80000000, -0",
            "7f800000, inf",
            "ffc00000, -nan",
            "7fa00000, nan:0x200000",
            "3eaaaaab, 0.33333334",
    })
    void printsF32InTheShortestFormThatReadsBack(String hexBits, String text) {
        assertEquals(text, ValueText.format(ValType.F32, Long.parseUnsignedLong(hexBits, 16)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"i32", "i64"})
    void integersPrintSigned(String type) {
        assertEquals("-1", ValueText.format(ValType.valueOf(type.toUpperCase()), -1));
        assertEquals("-2147483648", ValueText.format(ValType.valueOf(type.toUpperCase()), Integer.MIN_VALUE));
    }

    @Test
    void referencesPrintAsTheirKind() {
        assertEquals("ref.null func", ValueText.format(ValType.FUNCREF, 0));
        assertEquals("ref.func", ValueText.format(ValType.FUNCREF, 3));
        assertEquals("ref.null extern", ValueText.format(ValType.EXTERNREF, 0));
        assertEquals("ref.extern", ValueText.format(ValType.EXTERNREF, 1));
    }

    @Test
    void everyPrintedFloatReadsBackAsTheSameBits() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long d = random.nextLong();
            assertEquals(d, ValueText.parse(ValType.F64, ValueText.format(ValType.F64, d)), () -> Long.toHexString(d));
            long f = random.nextLong() & 0xFFFF_FFFFL;
            assertEquals(f, ValueText.parse(ValType.F32, ValueText.format(ValType.F32, f)), () -> Long.toHexString(f));
        }
    }

    @Test
    void printedFloatsHaveNoMoreDigitsThanJavasShortestCandidate() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) continue;
            String ours = ValueText.format(ValType.F64, Double.doubleToRawLongBits(d));
            assertTrue(significantDigits(ours) <= significantDigits(Double.toString(d)), ours + " vs " + d);
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
    }
}
