package dev.nebula.text;

/**
 * Floats as the text format writes them (spec 6.3.2): the shortest decimal Java gives that reads
 * back to the same bits, {@code inf}, and NaNs with their payload ({@code nan:0x...}), so that
 * printing and parsing keeps every bit.
 */
final class FloatText {

    private FloatText() {
    }

    static String f32(int bits) {
        float f = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(f)) {
            int payload = bits & 0x7F_FFFF;
            return sign + (payload == 0x40_0000 ? "nan" : "nan:0x" + Integer.toHexString(payload));
        }
        if (Float.isInfinite(f)) return sign + "inf";
        return Float.toString(f);
    }

    static String f64(long bits) {
        double d = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(d)) {
            long payload = bits & 0xF_FFFF_FFFF_FFFFL;
            return sign + (payload == 0x8_0000_0000_0000L ? "nan" : "nan:0x" + Long.toHexString(payload));
        }
        if (Double.isInfinite(d)) return sign + "inf";
        return Double.toString(d);
    }
}
