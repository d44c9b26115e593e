package dev.nebula.runtime;

/**
 * A v128 value (spec 2.3.1 vector types) for embedders: 128 bits as two longs, low half first,
 * lanes little-endian (lane 0 in the lowest bits of {@link #low()}), which is exactly how it
 * crosses the API in {@code long[]} arguments and results (see {@link ValueSlots}). It builds and
 * reads values in any lane shape and moves them in and out of those arrays, so an embedder or
 * host function never shifts bits by hand.
 *
 * <pre>{@code
 * long[] args = new long[ValueSlots.count(f.type().params())];
 * V128.ofI32x4(1, 2, 3, 4).writeTo(args, 0);
 * V128 result = V128.readFrom(f.call(args), 0);
 * int lane2 = result.i32Lane(2);
 * }</pre>
 */
public record V128(long low, long high) {

    public static final V128 ZERO = new V128(0, 0);

    /** The value at {@code slot} and {@code slot + 1} of an argument or result array. */
    public static V128 readFrom(long[] values, int slot) {
        return new V128(values[slot], values[slot + 1]);
    }

    /** Writes this value to {@code slot} and {@code slot + 1} of an argument or result array. */
    public void writeTo(long[] values, int slot) {
        values[slot] = low;
        values[slot + 1] = high;
    }

    public static V128 ofI8x16(byte... lanes) {
        requireLanes(lanes.length, 16);
        long[] halves = new long[2];
        for (int i = 0; i < 16; i++) halves[i / 8] |= (lanes[i] & 0xFFL) << (8 * (i % 8));
        return new V128(halves[0], halves[1]);
    }

    public static V128 ofI16x8(short... lanes) {
        requireLanes(lanes.length, 8);
        long[] halves = new long[2];
        for (int i = 0; i < 8; i++) halves[i / 4] |= (lanes[i] & 0xFFFFL) << (16 * (i % 4));
        return new V128(halves[0], halves[1]);
    }

    public static V128 ofI32x4(int... lanes) {
        requireLanes(lanes.length, 4);
        return new V128((lanes[0] & 0xFFFF_FFFFL) | (long) lanes[1] << 32, (lanes[2] & 0xFFFF_FFFFL) | (long) lanes[3] << 32);
    }

    public static V128 ofI64x2(long lane0, long lane1) {
        return new V128(lane0, lane1);
    }

    /** Float lanes keep their bits exactly, NaN payloads included. */
    public static V128 ofF32x4(float... lanes) {
        requireLanes(lanes.length, 4);
        int[] bits = new int[4];
        for (int i = 0; i < 4; i++) bits[i] = Float.floatToRawIntBits(lanes[i]);
        return ofI32x4(bits);
    }

    public static V128 ofF64x2(double lane0, double lane1) {
        return new V128(Double.doubleToRawLongBits(lane0), Double.doubleToRawLongBits(lane1));
    }

    public byte i8Lane(int lane) {
        checkLane(lane, 16);
        return (byte) (half(lane, 8) >>> (8 * (lane % 8)));
    }

    public short i16Lane(int lane) {
        checkLane(lane, 8);
        return (short) (half(lane, 4) >>> (16 * (lane % 4)));
    }

    public int i32Lane(int lane) {
        checkLane(lane, 4);
        return (int) (half(lane, 2) >>> (32 * (lane % 2)));
    }

    public long i64Lane(int lane) {
        checkLane(lane, 2);
        return lane == 0 ? low : high;
    }

    public float f32Lane(int lane) {
        return Float.intBitsToFloat(i32Lane(lane));
    }

    public double f64Lane(int lane) {
        return Double.longBitsToDouble(i64Lane(lane));
    }

    /** The 16 bytes in memory order (lane 0 of i8x16 first), as {@code v128.store} would write them. */
    public byte[] toBytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) bytes[i] = i8Lane(i);
        return bytes;
    }

    /** 32 hex digits, most significant first, as wasmtime prints a v128: {@code 0x0000000400000003...}. */
    @Override
    public String toString() {
        return String.format("0x%016x%016x", high, low);
    }

    private long half(int lane, int lanesPerHalf) {
        return lane < lanesPerHalf ? low : high;
    }

    private static void checkLane(int lane, int lanes) {
        if (lane < 0 || lane >= lanes) throw new IndexOutOfBoundsException("lane " + lane + " of " + lanes);
    }

    private static void requireLanes(int given, int lanes) {
        if (given != lanes) throw new IllegalArgumentException("expected " + lanes + " lanes, got " + given);
    }
}
