package dev.nebula.conformance.spec;

/** How a v128 value of a spec script is split into lanes ({@code lane_type} in wast2json). */
public enum LaneType {
    I8(8, false), I16(16, false), I32(32, false), I64(64, false), F32(32, true), F64(64, true);

    private final int bits;
    private final boolean floating;

    LaneType(int bits, boolean floating) {
        this.bits = bits;
        this.floating = floating;
    }

    public int bits() {
        return bits;
    }

    public int laneCount() {
        return 128 / bits;
    }

    /** Float lanes may hold NaN patterns instead of exact bits. */
    public boolean isFloat() {
        return floating;
    }

    static LaneType fromJson(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
