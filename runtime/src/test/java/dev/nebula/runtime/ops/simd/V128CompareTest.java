package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.nebula.runtime.ops.simd.LaneModel.checkBinary;

/** Lane comparisons: all ones where the scalar relation holds, zero elsewhere (spec 4.4.3 vrelop). */
class V128CompareTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    @Property
    void integerShapes(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        for (int kind = V128Compare.EQ; kind <= V128Compare.GE_U; kind++) {
            int k = kind;
            boolean signed = kind <= V128Compare.NE || kind % 2 == 0;
            checkBinary(8, signed, (a, b) -> model(k, a, b), (x, y) -> V128Compare.i8x16(k, x, y), aLo, aHi, bLo, bHi);
            checkBinary(16, signed, (a, b) -> model(k, a, b), (x, y) -> V128Compare.i16x8(k, x, y), aLo, aHi, bLo, bHi);
            checkBinary(32, signed, (a, b) -> model(k, a, b), (x, y) -> V128Compare.i32x4(k, x, y), aLo, aHi, bLo, bHi);
            if (signed) {
                checkBinary(64, true, (a, b) -> model(k, a, b), (x, y) -> V128Compare.i64x2(k, x, y), aLo, aHi, bLo, bHi);
            }
        }
    }

    @Property
    void floatShapes(@ForAll("half") long aLo, @ForAll("half") long aHi, @ForAll("half") long bLo, @ForAll("half") long bHi) {
        for (int kind = V128Compare.F_EQ; kind <= V128Compare.F_GE; kind++) {
            int k = kind;
            checkBinary(32, false, (a, b) -> floatModel(k, Float.intBitsToFloat((int) a), Float.intBitsToFloat((int) b)),
                    (x, y) -> V128Compare.f32x4(k, x, y), aLo, aHi, bLo, bHi);
            checkBinary(64, false, (a, b) -> floatModel(k, Double.longBitsToDouble(a), Double.longBitsToDouble(b)),
                    (x, y) -> V128Compare.f64x2(k, x, y), aLo, aHi, bLo, bHi);
        }
    }

    /** Lanes arrive sign- or zero-extended as the relation needs, so one long comparison decides. */
    private static long model(int kind, long a, long b) {
        boolean r = switch (kind) {
            case V128Compare.EQ -> a == b;
            case V128Compare.NE -> a != b;
            case V128Compare.LT_S, V128Compare.LT_U -> a < b;
            case V128Compare.GT_S, V128Compare.GT_U -> a > b;
            case V128Compare.LE_S, V128Compare.LE_U -> a <= b;
            default -> a >= b;
        };
        return r ? -1 : 0;
    }

    private static long floatModel(int kind, double a, double b) {
        boolean nan = Double.isNaN(a) || Double.isNaN(b);
        boolean r = switch (kind) {
            case V128Compare.F_EQ -> !nan && a == b;
            case V128Compare.F_NE -> nan || a != b;
            case V128Compare.F_LT -> !nan && a < b;
            case V128Compare.F_GT -> !nan && a > b;
            case V128Compare.F_LE -> !nan && a <= b;
            default -> !nan && a >= b;
        };
        return r ? -1 : 0;
    }
}
