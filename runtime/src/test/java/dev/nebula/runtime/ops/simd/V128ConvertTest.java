package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.nebula.runtime.ops.simd.LaneModel.clamp;
import static dev.nebula.runtime.ops.simd.LaneModel.join;
import static dev.nebula.runtime.ops.simd.LaneModel.lanes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape changes against lane models: extend, extmul, narrow (saturating), trunc_sat, convert, demote, promote. */
class V128ConvertTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    /** extend_low/high as engines call them: each result half from 32 source bits. */
    @Property
    void extendAndExtmul(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        int[] widths = {8, 16, 32};
        for (int bits : widths) {
            for (boolean signed : new boolean[]{true, false}) {
                long[] a = lanes(aLo, aHi, bits, signed);
                long[] b = lanes(bLo, bHi, bits, signed);
                int n = a.length / 2;
                for (int high = 0; high < 2; high++) {
                    long[] ext = new long[n];
                    long[] mul = new long[n];
                    for (int i = 0; i < n; i++) {
                        ext[i] = a[high * n + i];
                        mul[i] = a[high * n + i] * b[high * n + i];
                    }
                    long source = high == 0 ? aLo : aHi;
                    long other = high == 0 ? bLo : bHi;
                    long[] wantExt = join(ext, 2 * bits);
                    long[] wantMul = join(mul, 2 * bits);
                    assertEquals(wantExt[0], extend(bits, signed, (int) source));
                    assertEquals(wantExt[1], extend(bits, signed, (int) (source >>> 32)));
                    assertEquals(wantMul[0], extmul(bits, signed, (int) source, (int) other));
                    assertEquals(wantMul[1], extmul(bits, signed, (int) (source >>> 32), (int) (other >>> 32)));
                }
            }
        }
    }

    @Property
    void narrowSaturates(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        for (int bits : new int[]{16, 32}) {
            long[] a = lanes(aLo, aHi, bits, true);
            long[] b = lanes(bLo, bHi, bits, true);
            int half = bits / 2;
            long smin = -(1L << (half - 1));
            long smax = (1L << (half - 1)) - 1;
            long umax = (1L << half) - 1;
            long[] s = new long[2 * a.length];
            long[] u = new long[2 * a.length];
            for (int i = 0; i < a.length; i++) {
                s[i] = clamp(a[i], smin, smax);
                s[i + a.length] = clamp(b[i], smin, smax);
                u[i] = clamp(a[i], 0, umax);
                u[i + a.length] = clamp(b[i], 0, umax);
            }
            long[] wantS = join(s, half);
            long[] wantU = join(u, half);
            if (bits == 16) {
                assertEquals(wantS[0], V128Convert.i8x16NarrowS(aLo, aHi));
                assertEquals(wantS[1], V128Convert.i8x16NarrowS(bLo, bHi));
                assertEquals(wantU[0], V128Convert.i8x16NarrowU(aLo, aHi));
                assertEquals(wantU[1], V128Convert.i8x16NarrowU(bLo, bHi));
            } else {
                assertEquals(wantS[0], V128Convert.i16x8NarrowS(aLo, aHi));
                assertEquals(wantS[1], V128Convert.i16x8NarrowS(bLo, bHi));
                assertEquals(wantU[0], V128Convert.i16x8NarrowU(aLo, aHi));
                assertEquals(wantU[1], V128Convert.i16x8NarrowU(bLo, bHi));
            }
        }
    }

    /** trunc_sat (spec 4.3.4): NaN to 0, out-of-range to the nearest bound, else toward zero. */
    @Property
    void truncSatAndConvert(@ForAll("half") long aLo, @ForAll("half") long aHi) {
        for (long half : new long[]{aLo, aHi}) {
            long s = V128Convert.i32x4TruncSatF32x4S(half);
            long u = V128Convert.i32x4TruncSatF32x4U(half);
            long cs = V128Convert.f32x4ConvertI32x4S(half);
            long cu = V128Convert.f32x4ConvertI32x4U(half);
            for (int lane = 0; lane < 2; lane++) {
                int bits = (int) (half >>> 32 * lane);
                double f = Float.intBitsToFloat(bits);
                assertEquals(truncSat(f, -2147483648.0, 2147483647.0), (int) (s >>> 32 * lane));
                assertEquals(truncSat(f, 0, 4294967295.0), (int) (u >>> 32 * lane));
                assertEquals(Float.floatToRawIntBits((float) bits), (int) (cs >>> 32 * lane));
                assertEquals(Float.floatToRawIntBits(new java.math.BigDecimal(bits & 0xFFFF_FFFFL).floatValue()), (int) (cu >>> 32 * lane));
            }
        }
        double lo = Double.longBitsToDouble(aLo);
        double hi = Double.longBitsToDouble(aHi);
        long zs = V128Convert.i32x4TruncSatF64x2SZero(aLo, aHi);
        long zu = V128Convert.i32x4TruncSatF64x2UZero(aLo, aHi);
        assertEquals(truncSat(lo, -2147483648.0, 2147483647.0), (int) zs);
        assertEquals(truncSat(hi, -2147483648.0, 2147483647.0), (int) (zs >>> 32));
        assertEquals(truncSat(lo, 0, 4294967295.0), (int) zu);
        assertEquals(truncSat(hi, 0, 4294967295.0), (int) (zu >>> 32));
        assertEquals(Double.doubleToRawLongBits((int) aLo), V128Convert.f64x2ConvertS((int) aLo));
        assertEquals(Double.doubleToRawLongBits(aLo & 0xFFFF_FFFFL), V128Convert.f64x2ConvertU((int) aLo));
    }

    /** demote and promote round (or widen) exactly; NaNs stay NaNs, canonical ones canonical. */
    @Property
    void demoteAndPromote(@ForAll("half") long aLo, @ForAll("half") long aHi) {
        long d = V128Convert.f32x4DemoteZero(aLo, aHi);
        checkFloat((float) Double.longBitsToDouble(aLo), (int) d, aLo);
        checkFloat((float) Double.longBitsToDouble(aHi), (int) (d >>> 32), aHi);
        float f = Float.intBitsToFloat((int) aLo);
        long p = V128Convert.f64x2Promote((int) aLo);
        if (Float.isNaN(f)) {
            assertTrue(Double.isNaN(Double.longBitsToDouble(p)) && (p & 0x0008_0000_0000_0000L) != 0);
            if (((int) aLo & 0x7FFF_FFFF) == 0x7FC0_0000) assertEquals(0x7FF8_0000_0000_0000L, p & Long.MAX_VALUE);
        } else {
            assertEquals(Double.doubleToRawLongBits(f), p);
        }
    }

    private static void checkFloat(float want, int got, long sourceBits) {
        if (Float.isNaN(want)) {
            assertTrue(Float.isNaN(Float.intBitsToFloat(got)) && (got & 0x0040_0000) != 0);
            if ((sourceBits & Long.MAX_VALUE) == 0x7FF8_0000_0000_0000L) assertEquals(0x7FC0_0000, got & 0x7FFF_FFFF);
        } else {
            assertEquals(Float.floatToRawIntBits(want), got);
        }
    }

    private static int truncSat(double f, double min, double max) {
        if (Double.isNaN(f)) return 0;
        double t = f < 0 ? Math.ceil(f) : Math.floor(f);
        return (int) (long) Math.max(min, Math.min(max, t));
    }

    private static long extend(int bits, boolean signed, int source) {
        return switch (bits) {
            case 8 -> signed ? V128Convert.i16x8ExtendS(source) : V128Convert.i16x8ExtendU(source);
            case 16 -> signed ? V128Convert.i32x4ExtendS(source) : V128Convert.i32x4ExtendU(source);
            default -> signed ? V128Convert.i64x2ExtendS(source) : V128Convert.i64x2ExtendU(source);
        };
    }

    private static long extmul(int bits, boolean signed, int a, int b) {
        return switch (bits) {
            case 8 -> signed ? V128Convert.i16x8ExtmulS(a, b) : V128Convert.i16x8ExtmulU(a, b);
            case 16 -> signed ? V128Convert.i32x4ExtmulS(a, b) : V128Convert.i32x4ExtmulU(a, b);
            default -> signed ? V128Convert.i64x2ExtmulS(a, b) : V128Convert.i64x2ExtmulU(a, b);
        };
    }
}
