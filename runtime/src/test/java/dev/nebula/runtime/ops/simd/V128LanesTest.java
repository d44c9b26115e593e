package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static dev.nebula.runtime.ops.simd.LaneModel.join;
import static dev.nebula.runtime.ops.simd.LaneModel.lanes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lane moves and whole-vector tests against byte- and lane-array models; bitwise operators with them. */
class V128LanesTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    /** Shuffle indices are 0..31 (validation rejects others); swizzle indices are any byte. */
    @Provide
    Arbitrary<Long> shuffleIndices() {
        return Arbitraries.integers().between(0, 31).list().ofSize(8).map(l -> {
            long r = 0;
            for (int i = 0; i < 8; i++) r |= (long) l.get(i) << 8 * i;
            return r;
        });
    }

    @Property
    void shuffleAndSwizzlePickBytes(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo,
                                    @ForAll("half") long bHi, @ForAll("shuffleIndices") long indices, @ForAll("half") long swizzle) {
        long[] a = lanes(aLo, aHi, 8, false);
        long[] b = lanes(bLo, bHi, 8, false);
        long[] shuffled = new long[8];
        long[] swizzled = new long[8];
        for (int i = 0; i < 8; i++) {
            int k = (int) (indices >>> 8 * i) & 0xFF;
            shuffled[i] = k < 16 ? a[k] : b[k - 16];
            int s = (int) (swizzle >>> 8 * i) & 0xFF;
            swizzled[i] = s < 16 ? a[s] : 0;
        }
        assertEquals(join(shuffled, 8)[0], V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, indices));
        assertEquals(join(swizzled, 8)[0], V128Lanes.i8x16Swizzle(aLo, aHi, swizzle));
    }

    /** The lane-granular shuffles give what the byte shuffle gives for the same lanes. */
    @Property
    void wholeLaneShufflesAgreeWithTheByteShuffle(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo,
                                                  @ForAll("half") long bHi, @ForAll @IntRange(max = 7) int l0, @ForAll @IntRange(max = 7) int l1,
                                                  @ForAll @IntRange(max = 15) int s0, @ForAll @IntRange(max = 15) int s1,
                                                  @ForAll @IntRange(max = 15) int s2, @ForAll @IntRange(max = 15) int s3) {
        long bytes32 = 0;
        for (int j = 0; j < 4; j++) bytes32 |= (long) (4 * l0 + j) << 8 * j | (long) (4 * l1 + j) << 8 * (j + 4);
        assertEquals(V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, bytes32), V128Lanes.i32x4ShuffleHalf(aLo, aHi, bLo, bHi, l0 | l1 << 8));
        int[] s = {s0, s1, s2, s3};
        long bytes16 = 0;
        for (int j = 0; j < 4; j++) bytes16 |= (long) (2 * s[j]) << 16 * j | (long) (2 * s[j] + 1) << (16 * j + 8);
        assertEquals(V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, bytes16),
                V128Lanes.i16x8ShuffleHalf(aLo, aHi, bLo, bHi, s0 | s1 << 8 | s2 << 16 | s3 << 24));
    }

    @Property
    void extractReplaceAndSplat(@ForAll("half") long lo, @ForAll("half") long hi, @ForAll int x, @ForAll @IntRange(max = 15) int lane) {
        long[] b8 = lanes(lo, hi, 8, true);
        long[] b16 = lanes(lo, hi, 16, true);
        long[] b32 = lanes(lo, hi, 32, true);
        assertEquals(b8[lane], V128Lanes.i8x16ExtractLaneS(lo, hi, lane));
        assertEquals(b8[lane] & 0xFF, V128Lanes.i8x16ExtractLaneU(lo, hi, lane));
        assertEquals(b16[lane % 8], V128Lanes.i16x8ExtractLaneS(lo, hi, lane % 8));
        assertEquals(b16[lane % 8] & 0xFFFF, V128Lanes.i16x8ExtractLaneU(lo, hi, lane % 8));
        assertEquals(b32[lane % 4], V128Lanes.i32x4ExtractLane(lo, hi, lane % 4));
        assertEquals(lane % 2 == 0 ? lo : hi, V128Lanes.i64x2ExtractLane(lo, hi, lane % 2));
        b8[lane] = x;
        b16[lane % 8] = x;
        b32[lane % 4] = x;
        assertReplaced(join(b8, 8), V128Lanes.i8x16ReplaceLaneLo(lo, lane, x), V128Lanes.i8x16ReplaceLaneHi(hi, lane, x));
        assertReplaced(join(b16, 16), V128Lanes.i16x8ReplaceLaneLo(lo, lane % 8, x), V128Lanes.i16x8ReplaceLaneHi(hi, lane % 8, x));
        assertReplaced(join(b32, 32), V128Lanes.i32x4ReplaceLaneLo(lo, lane % 4, x), V128Lanes.i32x4ReplaceLaneHi(hi, lane % 4, x));
        long[] s8 = new long[16];
        long[] s16 = new long[8];
        long[] s32 = new long[4];
        java.util.Arrays.fill(s8, x);
        java.util.Arrays.fill(s16, x);
        java.util.Arrays.fill(s32, x);
        assertEquals(join(s8, 8)[0], V128Lanes.i8x16Splat(x));
        assertEquals(join(s16, 16)[0], V128Lanes.i16x8Splat(x));
        assertEquals(join(s32, 32)[0], V128Lanes.i32x4Splat(x));
    }

    @Property
    void bitmaskAllTrueAnyTrue(@ForAll("half") long lo, @ForAll("half") long hi) {
        int[] widths = {8, 16, 32, 64};
        for (int bits : widths) {
            long[] l = lanes(lo, hi, bits, true);
            int mask = 0;
            boolean all = true;
            for (int i = 0; i < l.length; i++) {
                if (l[i] < 0) mask |= 1 << i;
                all &= l[i] != 0;
            }
            switch (bits) {
                case 8 -> {
                    assertEquals(mask, V128Lanes.i8x16Bitmask(lo, hi));
                    assertEquals(all ? 1 : 0, V128Lanes.i8x16AllTrue(lo, hi));
                }
                case 16 -> {
                    assertEquals(mask, V128Lanes.i16x8Bitmask(lo, hi));
                    assertEquals(all ? 1 : 0, V128Lanes.i16x8AllTrue(lo, hi));
                }
                case 32 -> {
                    assertEquals(mask, V128Lanes.i32x4Bitmask(lo, hi));
                    assertEquals(all ? 1 : 0, V128Lanes.i32x4AllTrue(lo, hi));
                }
                default -> {
                    assertEquals(mask, V128Lanes.i64x2Bitmask(lo, hi));
                    assertEquals(all ? 1 : 0, V128Lanes.i64x2AllTrue(lo, hi));
                }
            }
        }
        assertEquals(lo != 0 || hi != 0 ? 1 : 0, V128Bitwise.anyTrue(lo, hi));
    }

    /** Bitwise operators bit by bit: bitselect takes a's bit where the mask bit is 1. */
    @Property
    void bitwise(@ForAll("half") long a, @ForAll("half") long b, @ForAll("half") long m) {
        for (int bit = 0; bit < 64; bit++) {
            long ab = (a >>> bit) & 1;
            long bb = (b >>> bit) & 1;
            long mb = (m >>> bit) & 1;
            assertEquals(mb == 1 ? ab : bb, (V128Bitwise.bitselect(a, b, m) >>> bit) & 1);
            assertEquals(ab & (1 - bb), (V128Bitwise.andNot(a, b) >>> bit) & 1);
            assertEquals(1 - ab, (V128Bitwise.not(a) >>> bit) & 1);
            assertEquals(ab & bb, (V128Bitwise.and(a, b) >>> bit) & 1);
            assertEquals(ab | bb, (V128Bitwise.or(a, b) >>> bit) & 1);
            assertEquals(ab ^ bb, (V128Bitwise.xor(a, b) >>> bit) & 1);
        }
    }

    private static void assertReplaced(long[] want, long lo, long hi) {
        assertEquals(want[0], lo, "low half");
        assertEquals(want[1], hi, "high half");
    }
}
