package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.nebula.runtime.ops.simd.LaneModel.checkBinary;
import static dev.nebula.runtime.ops.simd.LaneModel.checkUnary;
import static dev.nebula.runtime.ops.simd.LaneModel.clamp;

/** Integer lane arithmetic against the spec's scalar rules (4.3.2) applied lane by lane. */
class V128IntArithTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    @Property
    void i8x16(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        checkBinary(8, true, (a, b) -> a + b, V128IntArith::i8x16Add, aLo, aHi, bLo, bHi);
        checkBinary(8, true, (a, b) -> a - b, V128IntArith::i8x16Sub, aLo, aHi, bLo, bHi);
        checkBinary(8, true, (a, b) -> clamp(a + b, -128, 127), V128IntArith::i8x16AddSatS, aLo, aHi, bLo, bHi);
        checkBinary(8, false, (a, b) -> clamp(a + b, 0, 255), V128IntArith::i8x16AddSatU, aLo, aHi, bLo, bHi);
        checkBinary(8, true, (a, b) -> clamp(a - b, -128, 127), V128IntArith::i8x16SubSatS, aLo, aHi, bLo, bHi);
        checkBinary(8, false, (a, b) -> clamp(a - b, 0, 255), V128IntArith::i8x16SubSatU, aLo, aHi, bLo, bHi);
        checkBinary(8, true, Math::min, V128IntArith::i8x16MinS, aLo, aHi, bLo, bHi);
        checkBinary(8, false, Math::min, V128IntArith::i8x16MinU, aLo, aHi, bLo, bHi);
        checkBinary(8, true, Math::max, V128IntArith::i8x16MaxS, aLo, aHi, bLo, bHi);
        checkBinary(8, false, Math::max, V128IntArith::i8x16MaxU, aLo, aHi, bLo, bHi);
        checkBinary(8, false, (a, b) -> (a + b + 1) / 2, V128IntArith::i8x16AvgrU, aLo, aHi, bLo, bHi);
        checkUnary(8, true, a -> -a, V128IntArith::i8x16Neg, aLo, aHi);
        checkUnary(8, true, Math::abs, V128IntArith::i8x16Abs, aLo, aHi);
        checkUnary(8, false, Long::bitCount, V128IntArith::i8x16Popcnt, aLo, aHi);
    }

    @Property
    void i16x8(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        checkBinary(16, true, (a, b) -> a + b, V128IntArith::i16x8Add, aLo, aHi, bLo, bHi);
        checkBinary(16, true, (a, b) -> a - b, V128IntArith::i16x8Sub, aLo, aHi, bLo, bHi);
        checkBinary(16, true, (a, b) -> a * b, V128IntArith::i16x8Mul, aLo, aHi, bLo, bHi);
        checkBinary(16, true, (a, b) -> clamp(a + b, -32768, 32767), V128IntArith::i16x8AddSatS, aLo, aHi, bLo, bHi);
        checkBinary(16, false, (a, b) -> clamp(a + b, 0, 65535), V128IntArith::i16x8AddSatU, aLo, aHi, bLo, bHi);
        checkBinary(16, true, (a, b) -> clamp(a - b, -32768, 32767), V128IntArith::i16x8SubSatS, aLo, aHi, bLo, bHi);
        checkBinary(16, false, (a, b) -> clamp(a - b, 0, 65535), V128IntArith::i16x8SubSatU, aLo, aHi, bLo, bHi);
        checkBinary(16, true, Math::min, V128IntArith::i16x8MinS, aLo, aHi, bLo, bHi);
        checkBinary(16, false, Math::min, V128IntArith::i16x8MinU, aLo, aHi, bLo, bHi);
        checkBinary(16, true, Math::max, V128IntArith::i16x8MaxS, aLo, aHi, bLo, bHi);
        checkBinary(16, false, Math::max, V128IntArith::i16x8MaxU, aLo, aHi, bLo, bHi);
        checkBinary(16, false, (a, b) -> (a + b + 1) / 2, V128IntArith::i16x8AvgrU, aLo, aHi, bLo, bHi);
        // Spec 4.3.2 iq15mulr_sat_s: sat_s((a * b + 2^14) >> 15).
        checkBinary(16, true, (a, b) -> clamp(Math.floorDiv(a * b + 16384, 32768), -32768, 32767),
                V128IntArith::i16x8Q15mulrSatS, aLo, aHi, bLo, bHi);
        checkUnary(16, true, a -> -a, V128IntArith::i16x8Neg, aLo, aHi);
        checkUnary(16, true, Math::abs, V128IntArith::i16x8Abs, aLo, aHi);
    }

    @Property
    void i32x4(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        checkBinary(32, true, (a, b) -> a + b, V128IntArith::i32x4Add, aLo, aHi, bLo, bHi);
        checkBinary(32, true, (a, b) -> a - b, V128IntArith::i32x4Sub, aLo, aHi, bLo, bHi);
        checkBinary(32, true, (a, b) -> a * b, V128IntArith::i32x4Mul, aLo, aHi, bLo, bHi);
        checkBinary(32, true, Math::min, V128IntArith::i32x4MinS, aLo, aHi, bLo, bHi);
        checkBinary(32, false, Math::min, V128IntArith::i32x4MinU, aLo, aHi, bLo, bHi);
        checkBinary(32, true, Math::max, V128IntArith::i32x4MaxS, aLo, aHi, bLo, bHi);
        checkBinary(32, false, Math::max, V128IntArith::i32x4MaxU, aLo, aHi, bLo, bHi);
        checkUnary(32, true, a -> -a, V128IntArith::i32x4Neg, aLo, aHi);
        checkUnary(32, true, Math::abs, V128IntArith::i32x4Abs, aLo, aHi);
    }

    @Property
    void i64x2(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        checkBinary(64, true, (a, b) -> a + b, V128IntArith::i64x2Add, aLo, aHi, bLo, bHi);
        checkBinary(64, true, (a, b) -> a - b, V128IntArith::i64x2Sub, aLo, aHi, bLo, bHi);
        checkBinary(64, true, (a, b) -> a * b, V128IntArith::i64x2Mul, aLo, aHi, bLo, bHi);
        checkUnary(64, true, a -> -a, V128IntArith::i64x2Neg, aLo, aHi);
        checkUnary(64, true, Math::abs, V128IntArith::i64x2Abs, aLo, aHi);
    }

    /** dot and extadd_pairwise: result lane i from source lanes 2i and 2i+1. */
    @Property
    void pairwise(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        long[] a16 = LaneModel.lanes(aLo, aHi, 16, true);
        long[] b16 = LaneModel.lanes(bLo, bHi, 16, true);
        long[] dot = new long[4];
        long[] sum16s = new long[4];
        for (int i = 0; i < 4; i++) {
            dot[i] = a16[2 * i] * b16[2 * i] + a16[2 * i + 1] * b16[2 * i + 1];
            sum16s[i] = a16[2 * i] + a16[2 * i + 1];
        }
        assertHalves(LaneModel.join(dot, 32), V128IntArith.i32x4DotI16x8S(aLo, bLo), V128IntArith.i32x4DotI16x8S(aHi, bHi));
        assertHalves(LaneModel.join(sum16s, 32), V128IntArith.i32x4ExtaddPairwiseS(aLo), V128IntArith.i32x4ExtaddPairwiseS(aHi));
        long[] a16u = LaneModel.lanes(aLo, aHi, 16, false);
        long[] sum16u = new long[4];
        for (int i = 0; i < 4; i++) sum16u[i] = a16u[2 * i] + a16u[2 * i + 1];
        assertHalves(LaneModel.join(sum16u, 32), V128IntArith.i32x4ExtaddPairwiseU(aLo), V128IntArith.i32x4ExtaddPairwiseU(aHi));
        long[] a8s = LaneModel.lanes(aLo, aHi, 8, true);
        long[] a8u = LaneModel.lanes(aLo, aHi, 8, false);
        long[] sum8s = new long[8];
        long[] sum8u = new long[8];
        for (int i = 0; i < 8; i++) {
            sum8s[i] = a8s[2 * i] + a8s[2 * i + 1];
            sum8u[i] = a8u[2 * i] + a8u[2 * i + 1];
        }
        assertHalves(LaneModel.join(sum8s, 16), V128IntArith.i16x8ExtaddPairwiseS(aLo), V128IntArith.i16x8ExtaddPairwiseS(aHi));
        assertHalves(LaneModel.join(sum8u, 16), V128IntArith.i16x8ExtaddPairwiseU(aLo), V128IntArith.i16x8ExtaddPairwiseU(aHi));
    }

    static void assertHalves(long[] want, long lo, long hi) {
        org.junit.jupiter.api.Assertions.assertEquals(want[0], lo, "low half");
        org.junit.jupiter.api.Assertions.assertEquals(want[1], hi, "high half");
    }
}
