package dev.nebula.runtime;

/**
 * Wasm values cross the API as {@code long}s (spec 4.2.1): i32 and f32 in the low 32 bits (the upper bits are ignored), i64 as is, f32 and
 * f64 as their raw IEEE bits (so NaN payloads survive), references as store handles (0 is null).
 * These helpers convert.
 */
public final class Values {

    private Values() {
    }

    public static long i32(int v) {
        return v;
    }

    public static long f32(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    public static long f64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    public static int asI32(long v) {
        return (int) v;
    }

    public static float asF32(long v) {
        return Float.intBitsToFloat((int) v);
    }

    public static double asF64(long v) {
        return Double.longBitsToDouble(v);
    }
}
