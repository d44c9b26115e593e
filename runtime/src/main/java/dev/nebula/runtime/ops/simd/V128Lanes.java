package dev.nebula.runtime.ops.simd;

/**
 * Operators that move lanes or look at the whole vector (spec 4.4.3 {@code splat},
 * {@code extract_lane}, {@code replace_lane}, {@code i8x16.shuffle}, {@code i8x16.swizzle},
 * {@code bitmask}, {@code all_true}). Lane indices are in range: validation checks them (spec 3.3.3),
 * and {@code shuffle}'s indices are below 32 for the same reason.
 */
public final class V128Lanes {

    private V128Lanes() {
    }

    // ---------------------------------------------------------------- splat: the half both halves get

    public static long i8x16Splat(int x) {
        return 0x0101_0101_0101_0101L * (x & 0xFF);
    }

    public static long i16x8Splat(int x) {
        return 0x0001_0001_0001_0001L * (x & 0xFFFF);
    }

    /** Also f32x4.splat, given the float's bits. */
    public static long i32x4Splat(int x) {
        return 0x0000_0001_0000_0001L * (x & 0xFFFF_FFFFL);
    }

    // ---------------------------------------------------------------- extract_lane

    public static int i8x16ExtractLaneS(long lo, long hi, int lane) {
        return (byte) ((lane < 8 ? lo : hi) >>> 8 * (lane & 7));
    }

    public static int i8x16ExtractLaneU(long lo, long hi, int lane) {
        return (int) ((lane < 8 ? lo : hi) >>> 8 * (lane & 7)) & 0xFF;
    }

    public static int i16x8ExtractLaneS(long lo, long hi, int lane) {
        return (short) ((lane < 4 ? lo : hi) >>> 16 * (lane & 3));
    }

    public static int i16x8ExtractLaneU(long lo, long hi, int lane) {
        return (int) ((lane < 4 ? lo : hi) >>> 16 * (lane & 3)) & 0xFFFF;
    }

    /** Also f32x4.extract_lane, as the float's bits. */
    public static int i32x4ExtractLane(long lo, long hi, int lane) {
        return (int) ((lane < 2 ? lo : hi) >>> 32 * (lane & 1));
    }

    /** Also f64x2.extract_lane, as the double's bits. */
    public static long i64x2ExtractLane(long lo, long hi, int lane) {
        return lane == 0 ? lo : hi;
    }

    // ---------------------------------------------------------------- replace_lane: Lo/Hi give each new half

    public static long i8x16ReplaceLaneLo(long lo, int lane, int value) {
        return lane < 8 ? replace(lo, 8 * lane, 0xFFL, value) : lo;
    }

    public static long i8x16ReplaceLaneHi(long hi, int lane, int value) {
        return lane >= 8 ? replace(hi, 8 * (lane - 8), 0xFFL, value) : hi;
    }

    public static long i16x8ReplaceLaneLo(long lo, int lane, int value) {
        return lane < 4 ? replace(lo, 16 * lane, 0xFFFFL, value) : lo;
    }

    public static long i16x8ReplaceLaneHi(long hi, int lane, int value) {
        return lane >= 4 ? replace(hi, 16 * (lane - 4), 0xFFFFL, value) : hi;
    }

    public static long i32x4ReplaceLaneLo(long lo, int lane, int value) {
        return lane < 2 ? replace(lo, 32 * lane, 0xFFFF_FFFFL, value) : lo;
    }

    public static long i32x4ReplaceLaneHi(long hi, int lane, int value) {
        return lane >= 2 ? replace(hi, 32 * (lane - 2), 0xFFFF_FFFFL, value) : hi;
    }

    private static long replace(long half, int shift, long mask, int value) {
        return (half & ~(mask << shift)) | ((value & mask) << shift);
    }

    // ---------------------------------------------------------------- shuffle and swizzle

    /**
     * i8x16.shuffle: eight result bytes, byte i chosen by byte i of {@code indices} from the 32
     * bytes of a then b. Pass the low 8 indices for the low half and the high 8 for the high half.
     */
    public static long i8x16Shuffle(long aLo, long aHi, long bLo, long bHi, long indices) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int k = (int) (indices >>> i) & 31;
            long source = k < 16 ? (k < 8 ? aLo : aHi) : (k < 24 ? bLo : bHi);
            r |= ((source >>> 8 * (k & 7)) & 0xFF) << i;
        }
        return r;
    }

    /**
     * An i8x16.shuffle whose byte indices come in aligned groups of four (it moves whole i32 lanes):
     * one result half from the two i32 lanes {@code lanes & 7} and {@code (lanes >>> 8) & 7} of a
     * then b (lanes 0-3 of a, 4-7 of b). The same result as {@link #i8x16Shuffle}, a quarter of the work.
     */
    public static long i32x4ShuffleHalf(long aLo, long aHi, long bLo, long bHi, int lanes) {
        return lane32(aLo, aHi, bLo, bHi, lanes & 7) | lane32(aLo, aHi, bLo, bHi, (lanes >>> 8) & 7) << 32;
    }

    private static long lane32(long aLo, long aHi, long bLo, long bHi, int k) {
        long source = k < 4 ? (k < 2 ? aLo : aHi) : (k < 6 ? bLo : bHi);
        return (source >>> ((k & 1) << 5)) & 0xFFFF_FFFFL;
    }

    /**
     * An i8x16.shuffle whose byte indices come in aligned pairs (it moves whole i16 lanes): one
     * result half from the four i16 lanes in bytes 0-3 of {@code lanes} (0-7 of a, 8-15 of b).
     */
    public static long i16x8ShuffleHalf(long aLo, long aHi, long bLo, long bHi, int lanes) {
        return lane16(aLo, aHi, bLo, bHi, lanes & 15)
                | lane16(aLo, aHi, bLo, bHi, (lanes >>> 8) & 15) << 16
                | lane16(aLo, aHi, bLo, bHi, (lanes >>> 16) & 15) << 32
                | lane16(aLo, aHi, bLo, bHi, (lanes >>> 24) & 15) << 48;
    }

    private static long lane16(long aLo, long aHi, long bLo, long bHi, int k) {
        long source = k < 8 ? (k < 4 ? aLo : aHi) : (k < 12 ? bLo : bHi);
        return (source >>> ((k & 3) << 4)) & 0xFFFFL;
    }

    /**
     * i8x16.swizzle: eight result bytes, byte i being the byte of a that byte i of {@code indices}
     * selects, or 0 for an index of 16 or more (spec 4.4.3 swizzle).
     */
    public static long i8x16Swizzle(long aLo, long aHi, long indices) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int k = (int) (indices >>> i) & 0xFF;
            if (k < 16) r |= (((k < 8 ? aLo : aHi) >>> 8 * (k & 7)) & 0xFF) << i;
        }
        return r;
    }

    // ---------------------------------------------------------------- whole-vector tests

    /** i8x16.all_true: 1 when no byte lane is zero. */
    public static int i8x16AllTrue(long lo, long hi) {
        return noZeroByte(lo) && noZeroByte(hi) ? 1 : 0;
    }

    public static int i16x8AllTrue(long lo, long hi) {
        return noZeroShort(lo) && noZeroShort(hi) ? 1 : 0;
    }

    public static int i32x4AllTrue(long lo, long hi) {
        return (int) lo != 0 && (int) (lo >>> 32) != 0 && (int) hi != 0 && (int) (hi >>> 32) != 0 ? 1 : 0;
    }

    public static int i64x2AllTrue(long lo, long hi) {
        return lo != 0 && hi != 0 ? 1 : 0;
    }

    /** The classic zero-byte test: a byte is zero iff its high bit survives (x - 0x01..) & ~x & 0x80... */
    private static boolean noZeroByte(long x) {
        return ((x - 0x0101_0101_0101_0101L) & ~x & Swar.H8) == 0;
    }

    private static boolean noZeroShort(long x) {
        return ((x - 0x0001_0001_0001_0001L) & ~x & Swar.H16) == 0;
    }

    /** i8x16.bitmask: bit i is the sign bit of lane i. */
    public static int i8x16Bitmask(long lo, long hi) {
        return signBits8(lo) | signBits8(hi) << 8;
    }

    public static int i16x8Bitmask(long lo, long hi) {
        int r = 0;
        for (int i = 0; i < 4; i++) {
            r |= ((int) (lo >>> (16 * i + 15)) & 1) << i;
            r |= ((int) (hi >>> (16 * i + 15)) & 1) << (i + 4);
        }
        return r;
    }

    public static int i32x4Bitmask(long lo, long hi) {
        return (int) (lo >>> 31) & 1 | (int) (lo >>> 62) & 2 | ((int) (hi >>> 31) & 1) << 2 | ((int) (hi >>> 62) & 2) << 2;
    }

    public static int i64x2Bitmask(long lo, long hi) {
        return (int) (lo >>> 63) | (int) (hi >>> 63) << 1;
    }

    private static int signBits8(long x) {
        int r = 0;
        for (int i = 0; i < 8; i++) r |= ((int) (x >>> (8 * i + 7)) & 1) << i;
        return r;
    }
}
