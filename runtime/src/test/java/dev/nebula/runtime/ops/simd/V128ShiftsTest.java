package dev.nebula.runtime.ops.simd;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.nebula.runtime.ops.simd.LaneModel.checkUnary;

/** Lane shifts: the count modulo the lane width (spec 4.4.3 vshiftop), each lane on its own. */
class V128ShiftsTest {

    @Provide
    Arbitrary<Long> half() {
        return LaneModel.half();
    }

    @Property
    void everyShapeShiftsEachLaneByTheCountModuloItsWidth(@ForAll("half") long lo, @ForAll("half") long hi, @ForAll int count) {
        int[] widths = {8, 16, 32, 64};
        for (int bits : widths) {
            int s = Math.floorMod(count, bits);
            checkUnary(bits, false, a -> a << s, x -> shl(bits, x, count), lo, hi);
            checkUnary(bits, false, a -> a >>> s, x -> shrU(bits, x, count), lo, hi);
            checkUnary(bits, true, a -> a >> s, x -> shrS(bits, x, count), lo, hi);
        }
    }

    private static long shl(int bits, long x, int n) {
        return switch (bits) {
            case 8 -> V128Shifts.i8x16Shl(x, n);
            case 16 -> V128Shifts.i16x8Shl(x, n);
            case 32 -> V128Shifts.i32x4Shl(x, n);
            default -> V128Shifts.i64x2Shl(x, n);
        };
    }

    private static long shrU(int bits, long x, int n) {
        return switch (bits) {
            case 8 -> V128Shifts.i8x16ShrU(x, n);
            case 16 -> V128Shifts.i16x8ShrU(x, n);
            case 32 -> V128Shifts.i32x4ShrU(x, n);
            default -> V128Shifts.i64x2ShrU(x, n);
        };
    }

    private static long shrS(int bits, long x, int n) {
        return switch (bits) {
            case 8 -> V128Shifts.i8x16ShrS(x, n);
            case 16 -> V128Shifts.i16x8ShrS(x, n);
            case 32 -> V128Shifts.i32x4ShrS(x, n);
            default -> V128Shifts.i64x2ShrS(x, n);
        };
    }
}
