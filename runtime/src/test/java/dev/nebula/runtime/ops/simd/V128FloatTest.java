package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float lanes against the spec's scalar definitions (4.3.3), lane by lane. Where the result is a
 * NaN the spec only fixes its kind: canonical when every NaN operand is canonical, arithmetic
 * otherwise; so NaN results are checked by kind, everything else bit for bit.
 */
class V128FloatTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    @Property
    void f32x4(@ForAll("half") long a, @ForAll("half") long b) {
        for (int kind = V128Float.ADD; kind <= V128Float.PMAX; kind++) {
            long r = V128Float.f32x4Binary(kind, a, b);
            for (int lane = 0; lane < 2; lane++) {
                int x = (int) (a >>> 32 * lane);
                int y = (int) (b >>> 32 * lane);
                check32(f32Model(kind, x, y), (int) (r >>> 32 * lane), x, y, kind);
            }
        }
        for (int kind = V128Float.ABS; kind <= V128Float.NEAREST; kind++) {
            long r = V128Float.f32x4Unary(kind, a);
            for (int lane = 0; lane < 2; lane++) {
                int x = (int) (a >>> 32 * lane);
                check32(f32UnaryModel(kind, x), (int) (r >>> 32 * lane), x, x, 100 + kind);
            }
        }
    }

    @Property
    void f64x2(@ForAll("half") long a, @ForAll("half") long b) {
        for (int kind = V128Float.ADD; kind <= V128Float.PMAX; kind++) {
            check64(f64Model(kind, a, b), V128Float.f64x2Binary(kind, a, b), a, b, kind);
        }
        for (int kind = V128Float.ABS; kind <= V128Float.NEAREST; kind++) {
            check64(f64UnaryModel(kind, a), V128Float.f64x2Unary(kind, a), a, a, 100 + kind);
        }
    }

    /** The spec's definitions: min/max propagate NaN and order -0 below +0; pmin/pmax are b < a ? b : a / a < b ? b : a. */
    private static int f32Model(int kind, int xb, int yb) {
        float x = Float.intBitsToFloat(xb);
        float y = Float.intBitsToFloat(yb);
        return switch (kind) {
            case V128Float.ADD -> Float.floatToRawIntBits(x + y);
            case V128Float.SUB -> Float.floatToRawIntBits(x - y);
            case V128Float.MUL -> Float.floatToRawIntBits(x * y);
            case V128Float.DIV -> Float.floatToRawIntBits(x / y);
            case V128Float.MIN -> Float.isNaN(x) || Float.isNaN(y) ? 0x7FC0_0000
                    : x == 0 && y == 0 ? ((xb | yb) & 0x8000_0000) : Float.floatToRawIntBits(x < y ? x : y);
            case V128Float.MAX -> Float.isNaN(x) || Float.isNaN(y) ? 0x7FC0_0000
                    : x == 0 && y == 0 ? ((xb & yb) & 0x8000_0000) : Float.floatToRawIntBits(x > y ? x : y);
            case V128Float.PMIN -> y < x ? yb : xb;
            default -> x < y ? yb : xb;
        };
    }

    private static int f32UnaryModel(int kind, int xb) {
        float x = Float.intBitsToFloat(xb);
        return switch (kind) {
            case V128Float.ABS -> xb & 0x7FFF_FFFF;
            case V128Float.NEG -> xb ^ 0x8000_0000;
            case V128Float.SQRT -> Float.floatToRawIntBits((float) Math.sqrt(x));
            case V128Float.CEIL -> Float.floatToRawIntBits((float) Math.ceil(x));
            case V128Float.FLOOR -> Float.floatToRawIntBits((float) Math.floor(x));
            case V128Float.TRUNC -> Float.floatToRawIntBits((float) (x < 0 ? Math.ceil(x) : Math.floor(x)));
            default -> Float.floatToRawIntBits((float) Math.rint(x));
        };
    }

    private static long f64Model(int kind, long xb, long yb) {
        double x = Double.longBitsToDouble(xb);
        double y = Double.longBitsToDouble(yb);
        return switch (kind) {
            case V128Float.ADD -> Double.doubleToRawLongBits(x + y);
            case V128Float.SUB -> Double.doubleToRawLongBits(x - y);
            case V128Float.MUL -> Double.doubleToRawLongBits(x * y);
            case V128Float.DIV -> Double.doubleToRawLongBits(x / y);
            case V128Float.MIN -> Double.isNaN(x) || Double.isNaN(y) ? 0x7FF8_0000_0000_0000L
                    : x == 0 && y == 0 ? ((xb | yb) & Long.MIN_VALUE) : Double.doubleToRawLongBits(x < y ? x : y);
            case V128Float.MAX -> Double.isNaN(x) || Double.isNaN(y) ? 0x7FF8_0000_0000_0000L
                    : x == 0 && y == 0 ? ((xb & yb) & Long.MIN_VALUE) : Double.doubleToRawLongBits(x > y ? x : y);
            case V128Float.PMIN -> y < x ? yb : xb;
            default -> x < y ? yb : xb;
        };
    }

    private static long f64UnaryModel(int kind, long xb) {
        double x = Double.longBitsToDouble(xb);
        return switch (kind) {
            case V128Float.ABS -> xb & Long.MAX_VALUE;
            case V128Float.NEG -> xb ^ Long.MIN_VALUE;
            case V128Float.SQRT -> Double.doubleToRawLongBits(Math.sqrt(x));
            case V128Float.CEIL -> Double.doubleToRawLongBits(Math.ceil(x));
            case V128Float.FLOOR -> Double.doubleToRawLongBits(Math.floor(x));
            case V128Float.TRUNC -> Double.doubleToRawLongBits(x < 0 ? Math.ceil(x) : Math.floor(x));
            default -> Double.doubleToRawLongBits(Math.rint(x));
        };
    }

    /** Bits must agree, except that a NaN result (for the arithmetic kinds) is judged by its kind. */
    private static void check32(int want, int got, int x, int y, int kind) {
        boolean bitExact = kind == V128Float.PMIN || kind == V128Float.PMAX || kind == 100 + V128Float.ABS || kind == 100 + V128Float.NEG;
        if (!bitExact && Float.isNaN(Float.intBitsToFloat(want))) {
            assertTrue(Float.isNaN(Float.intBitsToFloat(got)), "NaN expected");
            assertTrue((got & 0x0040_0000) != 0, "an arithmetic (quiet) NaN");
            if (canonicalOrNumber32(x) && canonicalOrNumber32(y)) assertEquals(0x7FC0_0000, got & 0x7FFF_FFFF, "canonical NaN");
            return;
        }
        assertEquals(want, got, "kind " + kind + " of " + Integer.toHexString(x) + ", " + Integer.toHexString(y));
    }

    private static void check64(long want, long got, long x, long y, int kind) {
        boolean bitExact = kind == V128Float.PMIN || kind == V128Float.PMAX || kind == 100 + V128Float.ABS || kind == 100 + V128Float.NEG;
        if (!bitExact && Double.isNaN(Double.longBitsToDouble(want))) {
            assertTrue(Double.isNaN(Double.longBitsToDouble(got)), "NaN expected");
            assertTrue((got & 0x0008_0000_0000_0000L) != 0, "an arithmetic (quiet) NaN");
            if (canonicalOrNumber64(x) && canonicalOrNumber64(y)) assertEquals(0x7FF8_0000_0000_0000L, got & Long.MAX_VALUE, "canonical NaN");
            return;
        }
        assertEquals(want, got, "kind " + kind + " of " + Long.toHexString(x) + ", " + Long.toHexString(y));
    }

    private static boolean canonicalOrNumber32(int bits) {
        return !Float.isNaN(Float.intBitsToFloat(bits)) || (bits & 0x7FFF_FFFF) == 0x7FC0_0000;
    }

    private static boolean canonicalOrNumber64(long bits) {
        return !Double.isNaN(Double.longBitsToDouble(bits)) || (bits & Long.MAX_VALUE) == 0x7FF8_0000_0000_0000L;
    }
}
