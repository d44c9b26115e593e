package dev.nebula.interpreter.internal;

import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;

/**
 * The operand layout of each translated SIMD instruction (d = destination, a/b/c = sources;
 * a v128 names the first of its two slots), derived once from the {@link Opcode} table's
 * immediates and signatures, and how the interpreter computes it.
 * <pre>
 * LOAD d a add offset          (v128.load, loadNxM, load_splat, load_zero; add as in scalar loads)
 * STORE a v offset             LOAD_LANE d a v offset lane      STORE_LANE a v offset lane
 * SHUFFLE d a b m0 m1 m2 m3    (the 16 lane indices, four to an int, little-endian)
 * EXTRACT d a lane             REPLACE d a x lane               SPLAT d x
 * UNARY d a   BINARY d a b     (lane-wise: each half of the result from the same half of the operands)
 * WHOLE_UNARY d a   WHOLE_BINARY d a b   (lanes cross halves: extend, narrow, swizzle, extmul, ...)
 * SHIFT d a s   BITSELECT d a b c   TEST d a   (any_true, all_true, bitmask: an i32)
 * </pre>
 */
final class SimdShape {

    static final byte NONE = 0;
    static final byte LOAD = 1;
    static final byte STORE = 2;
    static final byte LOAD_LANE = 3;
    static final byte STORE_LANE = 4;
    static final byte SHUFFLE = 5;
    static final byte EXTRACT = 6;
    static final byte REPLACE = 7;
    static final byte SPLAT = 8;
    static final byte UNARY = 9;
    static final byte BINARY = 10;
    static final byte WHOLE_UNARY = 11;
    static final byte WHOLE_BINARY = 12;
    static final byte SHIFT = 13;
    static final byte BITSELECT = 14;
    static final byte TEST = 15;

    /** By 0xFD opcode. */
    static final byte[] OF = new byte[256];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == Opcode.PREFIX_FD) OF[op.code()] = classify(op);
        }
    }

    private SimdShape() {
    }

    private static byte classify(Opcode op) {
        Immediate im = op.immediate();
        if (im == Immediate.V128) return NONE; // v128.const becomes two constants at translation
        if (im == Immediate.MEMARG) return op.pushCount() == 1 ? LOAD : STORE;
        if (im == Immediate.MEMARG_LANE) return op.pushCount() == 1 ? LOAD_LANE : STORE_LANE;
        if (im == Immediate.SHUFFLE) return SHUFFLE;
        if (im == Immediate.LANE) return op.popCount() == 1 ? EXTRACT : REPLACE;
        if (op.popCount() == 1 && op.pop(0) != ValType.V128) return SPLAT;
        if (op.push(0) != ValType.V128) return TEST;
        if (op.popCount() == 3) return BITSELECT;
        if (op.popCount() == 2 && op.pop(1) == ValType.I32) return SHIFT;
        if (crossesHalves(op)) return op.popCount() == 1 ? WHOLE_UNARY : WHOLE_BINARY;
        return op.popCount() == 1 ? UNARY : BINARY;
    }

    /** Operators whose result lanes come from lanes of the other half too (or change width). */
    private static boolean crossesHalves(Opcode op) {
        String m = op.mnemonic();
        return m.contains("extend") || m.contains("narrow") || m.contains("extmul") || m.contains("swizzle")
                || m.contains("convert_low") || m.contains("promote") || m.contains("demote")
                || m.endsWith("_zero");
    }

    /** Number of ints the translated instruction {@code op} (SIMD_BASE-based) occupies. */
    static int length(int op) {
        if (op == Op.V128_GLOBAL_GET || op == Op.V128_GLOBAL_SET) return 3;
        if (op == Op.V128_SELECT) return 5;
        if (op == Op.I32X4_SHUFFLE_I || op == Op.I16X8_SHUFFLE_I) return 6;
        if (op >= Op.V128_SHIFT_I) return 4;
        return switch (OF[op - Op.SIMD_BASE]) {
            case SPLAT, UNARY, WHOLE_UNARY, TEST -> 3;
            case STORE, EXTRACT, BINARY, WHOLE_BINARY, SHIFT -> 4;
            case LOAD, STORE_LANE, REPLACE, BITSELECT -> 5;
            case LOAD_LANE -> 6;
            case SHUFFLE -> 8;
            default -> throw new IllegalStateException("no SIMD instruction " + Op.name(op));
        };
    }
}
