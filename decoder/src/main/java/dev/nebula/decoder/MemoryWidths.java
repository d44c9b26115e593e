package dev.nebula.decoder;

/**
 * Access widths that validation needs: the natural alignment of each memory instruction
 * (spec 3.3.7, "the alignment must not be larger than the bit width of t divided by 8") and the
 * lane count of each lane instruction (spec 3.3.3, lane index less than the lane count).
 */
final class MemoryWidths {

    private MemoryWidths() {
    }

    /** log2 of the bytes accessed, or -1 for instructions without a memory argument. */
    static int naturalAlignment(Opcode op) {
        return switch (op) {
            case I32_LOAD8_S, I32_LOAD8_U, I64_LOAD8_S, I64_LOAD8_U, I32_STORE8, I64_STORE8,
                 V128_LOAD8_SPLAT, V128_LOAD8_LANE, V128_STORE8_LANE -> 0;
            case I32_LOAD16_S, I32_LOAD16_U, I64_LOAD16_S, I64_LOAD16_U, I32_STORE16, I64_STORE16,
                 V128_LOAD16_SPLAT, V128_LOAD16_LANE, V128_STORE16_LANE -> 1;
            case I32_LOAD, F32_LOAD, I64_LOAD32_S, I64_LOAD32_U, I32_STORE, F32_STORE, I64_STORE32,
                 V128_LOAD32_SPLAT, V128_LOAD32_ZERO, V128_LOAD32_LANE, V128_STORE32_LANE -> 2;
            case I64_LOAD, F64_LOAD, I64_STORE, F64_STORE,
                 V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U,
                 V128_LOAD64_SPLAT, V128_LOAD64_ZERO, V128_LOAD64_LANE, V128_STORE64_LANE -> 3;
            case V128_LOAD, V128_STORE -> 4;
            default -> -1;
        };
    }

    /** Number of lanes addressed by a lane immediate, or -1 for instructions without one. */
    static int laneCount(Opcode op) {
        return switch (op) {
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I8X16_REPLACE_LANE,
                 V128_LOAD8_LANE, V128_STORE8_LANE -> 16;
            case I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U, I16X8_REPLACE_LANE,
                 V128_LOAD16_LANE, V128_STORE16_LANE -> 8;
            case I32X4_EXTRACT_LANE, I32X4_REPLACE_LANE, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE,
                 V128_LOAD32_LANE, V128_STORE32_LANE -> 4;
            case I64X2_EXTRACT_LANE, I64X2_REPLACE_LANE, F64X2_EXTRACT_LANE, F64X2_REPLACE_LANE,
                 V128_LOAD64_LANE, V128_STORE64_LANE -> 2;
            case I8X16_SHUFFLE -> 32;
            default -> -1;
        };
    }
}
