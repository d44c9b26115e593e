package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plain scalar model the operator tests compare with: a v128 split into an array of lanes, a
 * scalar operation per lane, and the lanes joined again; plus generators of halves rich in the
 * lane values where operators have edges (0, -1, MIN, MAX of every lane width, NaNs, zeros).
 */
final class LaneModel {

    private LaneModel() {
    }

    /** The lanes of {@code (lo, hi)} of {@code bits} each, sign-extended when {@code signed}, lane 0 first. */
    static long[] lanes(long lo, long hi, int bits, boolean signed) {
        int n = 128 / bits;
        long[] lanes = new long[n];
        for (int i = 0; i < n; i++) {
            int at = i * bits;
            long v = (at < 64 ? lo : hi) >>> (at & 63);
            lanes[i] = bits == 64 ? v : signed ? (v << (64 - bits)) >> (64 - bits) : v & ((1L << bits) - 1);
        }
        return lanes;
    }

    /** The lanes (each truncated to {@code bits}) joined into {@code [lo, hi]}. */
    static long[] join(long[] lanes, int bits) {
        long[] out = new long[2];
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        for (int i = 0; i < lanes.length; i++) {
            int at = i * bits;
            out[at >> 6] |= (lanes[i] & mask) << (at & 63);
        }
        return out;
    }

    /** Checks a half-wise binary operator against {@code model} applied lane by lane. */
    static void checkBinary(int bits, boolean signed, LongBinaryOperator model, LongBinaryOperator half,
                            long aLo, long aHi, long bLo, long bHi) {
        long[] a = lanes(aLo, aHi, bits, signed);
        long[] b = lanes(bLo, bHi, bits, signed);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = model.applyAsLong(a[i], b[i]);
        long[] want = join(r, bits);
        assertEquals(want[0], half.applyAsLong(aLo, bLo), "low half");
        assertEquals(want[1], half.applyAsLong(aHi, bHi), "high half");
    }

    static void checkUnary(int bits, boolean signed, LongUnaryOperator model, LongUnaryOperator half, long aLo, long aHi) {
        long[] a = lanes(aLo, aHi, bits, signed);
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = model.applyAsLong(a[i]);
        long[] want = join(r, bits);
        assertEquals(want[0], half.applyAsLong(aLo), "low half");
        assertEquals(want[1], half.applyAsLong(aHi), "high half");
    }

    static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Halves built from edge-rich lanes of every width, and plain random longs. */
    static Arbitrary<Long> half() {
        Arbitrary<Long> bytes = Arbitraries.bytes().list().ofSize(8).map(l -> pack(l.stream().mapToLong(b -> b & 0xFF).toArray(), 8));
        Arbitrary<Long> shorts = Arbitraries.shorts().list().ofSize(4).map(l -> pack(l.stream().mapToLong(s -> s & 0xFFFF).toArray(), 16));
        Arbitrary<Long> ints = Arbitraries.integers().list().ofSize(2).map(l -> pack(l.stream().mapToLong(i -> i & 0xFFFF_FFFFL).toArray(), 32));
        Arbitrary<Long> floats = floatBits().list().ofSize(2).map(l -> pack(l.stream().mapToLong(i -> i & 0xFFFF_FFFFL).toArray(), 32));
        return Arbitraries.oneOf(Arbitraries.longs(), bytes, shorts, ints, floats, doubleBits());
    }

    /** f32 bits: random floats and the special ones (NaNs quiet, signalling, negative; zeros; infinities; halves; limits). */
    static Arbitrary<Integer> floatBits() {
        List<Integer> special = List.of(0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0001, 0x7F80_0001, 0xFFC0_1234, 0, 0x8000_0000,
                0x7F80_0000, 0xFF80_0000, Float.floatToIntBits(0.5f), Float.floatToIntBits(-0.5f), Float.floatToIntBits(1.5f),
                Float.floatToIntBits(2.5f), Float.floatToIntBits(-2.5f), 1, Float.floatToIntBits(Float.MAX_VALUE),
                Float.floatToIntBits(2147483648f), Float.floatToIntBits(4294967296f), Float.floatToIntBits(-2147483904f),
                Float.floatToIntBits(-1f), Float.floatToIntBits(4294967040f));
        return Arbitraries.oneOf(Arbitraries.floats().map(Float::floatToRawIntBits), Arbitraries.of(special), Arbitraries.integers());
    }

    static Arbitrary<Long> doubleBits() {
        List<Long> special = List.of(0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF4_0000_0000_0001L, 0x7FF0_0000_0000_0001L,
                0L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L, Double.doubleToLongBits(0.5),
                Double.doubleToLongBits(-0.5), Double.doubleToLongBits(2.5), Double.doubleToLongBits(-1.5),
                Double.doubleToLongBits(2147483647.9), Double.doubleToLongBits(-2147483648.9), Double.doubleToLongBits(4294967295.5),
                Double.doubleToLongBits(4294967296.0), Double.doubleToLongBits(1e300), Double.doubleToLongBits(3.4028235677973366e38),
                Double.doubleToLongBits(Double.MIN_VALUE));
        return Arbitraries.oneOf(Arbitraries.doubles().map(Double::doubleToRawLongBits), Arbitraries.of(special), Arbitraries.longs());
    }

    private static long pack(long[] lanes, int bits) {
        long r = 0;
        for (int i = 0; i < lanes.length; i++) r |= lanes[i] << (i * bits);
        return r;
    }
}
