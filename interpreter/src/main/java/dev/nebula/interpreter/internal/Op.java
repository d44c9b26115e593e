package dev.nebula.interpreter.internal;

import dev.nebula.decoder.Opcode;

/**
 * The interpreter's own instruction set: a register-style form of Wasm in which every operand is
 * a slot of the current frame ({@code stack[fp + slot]}: locals first, then the operand stack at
 * the heights validation proved), so that {@code local.get}, constants and {@code drop} mostly
 * vanish at translation time and a branch is a jump. Each instruction is an opcode int followed
 * by its operands inline in the function's {@code int[]}.
 *
 * <p>Operand layouts (d = destination slot, a/b/c = source slots, t = code index):
 * <pre>
 * UNREACHABLE                     JUMP t
 * BR_IF_NZ c t   BR_IF_Z c t      BR_I32_xx a b t   (jump when a xx b)
 * BR_TABLE c n t0 .. tn           (n labels then the default)
 * RETURN         RETURN1 a        (results already at slot 0.., or copy a to slot 0)
 * CALL f base    CALL_INDIRECT type table c base   (arguments are slots base..; the callee's frame starts there)
 * COPY d a       CONST32 d v      CONST64 d lo hi   SELECT d a b c
 * GLOBAL_GET d g GLOBAL_SET g a   MEMORY_SIZE d     MEMORY_GROW d a
 * loads d a add offset            (address: a + add wrapping to 32 bits, then + offset unwrapped)
 * stores a b offset (a = address, b = value)         STORE_I a imm offset
 * COPY2 d1 a1 d2 a2              I32_ADD_I2 d1 a1 imm1 d2 a2 imm2
 * unary numeric d a               binary numeric d a b
 * XXX_I d a imm                   (binary op or comparison with a constant right operand)
 * BR_I32_xx_I a imm t            BR_I64_xx a b t    BR_I64_Z a t   BR_I64_NZ a t
 * REF_FUNC d f   TABLE_GET d t a  TABLE_SET t a b   TABLE_SIZE d t    TABLE_GROW d t a b
 * TABLE_FILL t a b c              TABLE_COPY dt st a b c            TABLE_INIT e t a b c
 * ELEM_DROP e    MEMORY_INIT s a b c   DATA_DROP s   MEMORY_COPY a b c   MEMORY_FILL a b c
 * SIMD: SIMD_BASE + the 0xFD opcode, in the layouts of {@link SimdShape}; d and the v128 sources
 * name the first of two slots (low half, then high half)
 * V128_GLOBAL_GET d g             V128_GLOBAL_SET g a               V128_SELECT d a b c
 * </pre>
 * Values in slots follow one convention: i32 sign-extended, f32 as its raw bits zero-extended,
 * i64 and f64 raw, references as store handles.
 */
public final class Op {

    private Op() {
    }

    /**
     * Set in a branch target that goes back to a loop's start. Only back-edges poll the store's
     * interrupt flag (spec 4.4.8: every loop iteration passes one), so a forward branch pays one
     * register compare instead of a field read. Code is far shorter than 2^30 ints (the
     * translator refuses longer), so the bit is free.
     */
    public static final int BACK_EDGE = 1 << 30;

    public static final int UNREACHABLE = 0;
    public static final int JUMP = 1;
    public static final int BR_IF_NZ = 2;
    public static final int BR_IF_Z = 3;
    public static final int BR_TABLE = 4;
    public static final int RETURN = 5;
    public static final int RETURN1 = 6;
    public static final int CALL = 7;
    public static final int CALL_INDIRECT = 8;
    public static final int COPY = 9;
    public static final int CONST32 = 10;
    public static final int CONST64 = 11;
    public static final int SELECT = 12;
    public static final int GLOBAL_GET = 13;
    public static final int GLOBAL_SET = 14;
    public static final int MEMORY_SIZE = 15;
    public static final int MEMORY_GROW = 16;

    /** Compare-and-branch: an i32 comparison fused with the br_if or if that consumes it. */
    public static final int BR_I32_EQ = 17;
    public static final int BR_I32_NE = 18;
    public static final int BR_I32_LT_S = 19;
    public static final int BR_I32_LT_U = 20;
    public static final int BR_I32_GT_S = 21;
    public static final int BR_I32_GT_U = 22;
    public static final int BR_I32_LE_S = 23;
    public static final int BR_I32_LE_U = 24;
    public static final int BR_I32_GE_S = 25;
    public static final int BR_I32_GE_U = 26;

    /** Loads and stores, in Wasm opcode order from i32.load (0x28). */
    public static final int MEM = 32;
    public static final int I32_LOAD = MEM + 0;
    public static final int I64_LOAD = MEM + 1;
    public static final int F32_LOAD = MEM + 2;
    public static final int F64_LOAD = MEM + 3;
    public static final int I32_LOAD8_S = MEM + 4;
    public static final int I32_LOAD8_U = MEM + 5;
    public static final int I32_LOAD16_S = MEM + 6;
    public static final int I32_LOAD16_U = MEM + 7;
    public static final int I64_LOAD8_S = MEM + 8;
    public static final int I64_LOAD8_U = MEM + 9;
    public static final int I64_LOAD16_S = MEM + 10;
    public static final int I64_LOAD16_U = MEM + 11;
    public static final int I64_LOAD32_S = MEM + 12;
    public static final int I64_LOAD32_U = MEM + 13;
    public static final int I32_STORE = MEM + 14;
    public static final int I64_STORE = MEM + 15;
    public static final int F32_STORE = MEM + 16;
    public static final int F64_STORE = MEM + 17;
    public static final int I32_STORE8 = MEM + 18;
    public static final int I32_STORE16 = MEM + 19;
    public static final int I64_STORE8 = MEM + 20;
    public static final int I64_STORE16 = MEM + 21;
    public static final int I64_STORE32 = MEM + 22;

    /** Numeric instructions, in Wasm opcode order from i32.eqz (0x45), then the eight trunc_sat. */
    public static final int NUM = 64;
    public static final int I32_EQZ = NUM + 0x00;
    public static final int I32_EQ = NUM + 0x01;
    public static final int I32_NE = NUM + 0x02;
    public static final int I32_LT_S = NUM + 0x03;
    public static final int I32_LT_U = NUM + 0x04;
    public static final int I32_GT_S = NUM + 0x05;
    public static final int I32_GT_U = NUM + 0x06;
    public static final int I32_LE_S = NUM + 0x07;
    public static final int I32_LE_U = NUM + 0x08;
    public static final int I32_GE_S = NUM + 0x09;
    public static final int I32_GE_U = NUM + 0x0A;
    public static final int I64_EQZ = NUM + 0x0B;
    public static final int I64_EQ = NUM + 0x0C;
    public static final int I64_NE = NUM + 0x0D;
    public static final int I64_LT_S = NUM + 0x0E;
    public static final int I64_LT_U = NUM + 0x0F;
    public static final int I64_GT_S = NUM + 0x10;
    public static final int I64_GT_U = NUM + 0x11;
    public static final int I64_LE_S = NUM + 0x12;
    public static final int I64_LE_U = NUM + 0x13;
    public static final int I64_GE_S = NUM + 0x14;
    public static final int I64_GE_U = NUM + 0x15;
    public static final int F32_EQ = NUM + 0x16;
    public static final int F32_NE = NUM + 0x17;
    public static final int F32_LT = NUM + 0x18;
    public static final int F32_GT = NUM + 0x19;
    public static final int F32_LE = NUM + 0x1A;
    public static final int F32_GE = NUM + 0x1B;
    public static final int F64_EQ = NUM + 0x1C;
    public static final int F64_NE = NUM + 0x1D;
    public static final int F64_LT = NUM + 0x1E;
    public static final int F64_GT = NUM + 0x1F;
    public static final int F64_LE = NUM + 0x20;
    public static final int F64_GE = NUM + 0x21;
    public static final int I32_CLZ = NUM + 0x22;
    public static final int I32_CTZ = NUM + 0x23;
    public static final int I32_POPCNT = NUM + 0x24;
    public static final int I32_ADD = NUM + 0x25;
    public static final int I32_SUB = NUM + 0x26;
    public static final int I32_MUL = NUM + 0x27;
    public static final int I32_DIV_S = NUM + 0x28;
    public static final int I32_DIV_U = NUM + 0x29;
    public static final int I32_REM_S = NUM + 0x2A;
    public static final int I32_REM_U = NUM + 0x2B;
    public static final int I32_AND = NUM + 0x2C;
    public static final int I32_OR = NUM + 0x2D;
    public static final int I32_XOR = NUM + 0x2E;
    public static final int I32_SHL = NUM + 0x2F;
    public static final int I32_SHR_S = NUM + 0x30;
    public static final int I32_SHR_U = NUM + 0x31;
    public static final int I32_ROTL = NUM + 0x32;
    public static final int I32_ROTR = NUM + 0x33;
    public static final int I64_CLZ = NUM + 0x34;
    public static final int I64_CTZ = NUM + 0x35;
    public static final int I64_POPCNT = NUM + 0x36;
    public static final int I64_ADD = NUM + 0x37;
    public static final int I64_SUB = NUM + 0x38;
    public static final int I64_MUL = NUM + 0x39;
    public static final int I64_DIV_S = NUM + 0x3A;
    public static final int I64_DIV_U = NUM + 0x3B;
    public static final int I64_REM_S = NUM + 0x3C;
    public static final int I64_REM_U = NUM + 0x3D;
    public static final int I64_AND = NUM + 0x3E;
    public static final int I64_OR = NUM + 0x3F;
    public static final int I64_XOR = NUM + 0x40;
    public static final int I64_SHL = NUM + 0x41;
    public static final int I64_SHR_S = NUM + 0x42;
    public static final int I64_SHR_U = NUM + 0x43;
    public static final int I64_ROTL = NUM + 0x44;
    public static final int I64_ROTR = NUM + 0x45;
    public static final int F32_ABS = NUM + 0x46;
    public static final int F32_NEG = NUM + 0x47;
    public static final int F32_CEIL = NUM + 0x48;
    public static final int F32_FLOOR = NUM + 0x49;
    public static final int F32_TRUNC = NUM + 0x4A;
    public static final int F32_NEAREST = NUM + 0x4B;
    public static final int F32_SQRT = NUM + 0x4C;
    public static final int F32_ADD = NUM + 0x4D;
    public static final int F32_SUB = NUM + 0x4E;
    public static final int F32_MUL = NUM + 0x4F;
    public static final int F32_DIV = NUM + 0x50;
    public static final int F32_MIN = NUM + 0x51;
    public static final int F32_MAX = NUM + 0x52;
    public static final int F32_COPYSIGN = NUM + 0x53;
    public static final int F64_ABS = NUM + 0x54;
    public static final int F64_NEG = NUM + 0x55;
    public static final int F64_CEIL = NUM + 0x56;
    public static final int F64_FLOOR = NUM + 0x57;
    public static final int F64_TRUNC = NUM + 0x58;
    public static final int F64_NEAREST = NUM + 0x59;
    public static final int F64_SQRT = NUM + 0x5A;
    public static final int F64_ADD = NUM + 0x5B;
    public static final int F64_SUB = NUM + 0x5C;
    public static final int F64_MUL = NUM + 0x5D;
    public static final int F64_DIV = NUM + 0x5E;
    public static final int F64_MIN = NUM + 0x5F;
    public static final int F64_MAX = NUM + 0x60;
    public static final int F64_COPYSIGN = NUM + 0x61;
    public static final int I32_WRAP_I64 = NUM + 0x62;
    public static final int I32_TRUNC_F32_S = NUM + 0x63;
    public static final int I32_TRUNC_F32_U = NUM + 0x64;
    public static final int I32_TRUNC_F64_S = NUM + 0x65;
    public static final int I32_TRUNC_F64_U = NUM + 0x66;
    public static final int I64_EXTEND_I32_S = NUM + 0x67;
    public static final int I64_EXTEND_I32_U = NUM + 0x68;
    public static final int I64_TRUNC_F32_S = NUM + 0x69;
    public static final int I64_TRUNC_F32_U = NUM + 0x6A;
    public static final int I64_TRUNC_F64_S = NUM + 0x6B;
    public static final int I64_TRUNC_F64_U = NUM + 0x6C;
    public static final int F32_CONVERT_I32_S = NUM + 0x6D;
    public static final int F32_CONVERT_I32_U = NUM + 0x6E;
    public static final int F32_CONVERT_I64_S = NUM + 0x6F;
    public static final int F32_CONVERT_I64_U = NUM + 0x70;
    public static final int F32_DEMOTE_F64 = NUM + 0x71;
    public static final int F64_CONVERT_I32_S = NUM + 0x72;
    public static final int F64_CONVERT_I32_U = NUM + 0x73;
    public static final int F64_CONVERT_I64_S = NUM + 0x74;
    public static final int F64_CONVERT_I64_U = NUM + 0x75;
    public static final int F64_PROMOTE_F32 = NUM + 0x76;
    public static final int I32_REINTERPRET_F32 = NUM + 0x77;
    public static final int I64_REINTERPRET_F64 = NUM + 0x78;
    public static final int F32_REINTERPRET_I32 = NUM + 0x79;
    public static final int F64_REINTERPRET_I64 = NUM + 0x7A;
    public static final int I32_EXTEND8_S = NUM + 0x7B;
    public static final int I32_EXTEND16_S = NUM + 0x7C;
    public static final int I64_EXTEND8_S = NUM + 0x7D;
    public static final int I64_EXTEND16_S = NUM + 0x7E;
    public static final int I64_EXTEND32_S = NUM + 0x7F;
    public static final int I32_TRUNC_SAT_F32_S = NUM + 0x80;
    public static final int I32_TRUNC_SAT_F32_U = NUM + 0x81;
    public static final int I32_TRUNC_SAT_F64_S = NUM + 0x82;
    public static final int I32_TRUNC_SAT_F64_U = NUM + 0x83;
    public static final int I64_TRUNC_SAT_F32_S = NUM + 0x84;
    public static final int I64_TRUNC_SAT_F32_U = NUM + 0x85;
    public static final int I64_TRUNC_SAT_F64_S = NUM + 0x86;
    public static final int I64_TRUNC_SAT_F64_U = NUM + 0x87;

    /** Table, bulk-memory and reference instructions: rare, executed outside the hot loop. */
    public static final int REF_FUNC = 210;
    public static final int TABLE_GET = 211;
    public static final int TABLE_SET = 212;
    public static final int TABLE_SIZE = 213;
    public static final int TABLE_GROW = 214;
    public static final int TABLE_FILL = 215;
    public static final int TABLE_COPY = 216;
    public static final int TABLE_INIT = 217;
    public static final int ELEM_DROP = 218;
    public static final int MEMORY_INIT = 219;
    public static final int DATA_DROP = 220;
    public static final int MEMORY_COPY = 221;
    public static final int MEMORY_FILL = 222;

    /** Binary operators with a constant right operand (i32.sub, rotr and i64.sub map onto these). */
    public static final int I32_ADD_I = 224;
    public static final int I32_MUL_I = 225;
    public static final int I32_AND_I = 226;
    public static final int I32_OR_I = 227;
    public static final int I32_XOR_I = 228;
    public static final int I32_SHL_I = 229;
    public static final int I32_SHR_S_I = 230;
    public static final int I32_SHR_U_I = 231;
    public static final int I32_ROTL_I = 232;
    public static final int I64_ADD_I = 233;

    /** i32 comparison with a constant, fused with the branch that consumes it: jump when a xx imm. */
    public static final int BR_I32_EQ_I = 234;
    public static final int BR_I32_NE_I = 235;
    public static final int BR_I32_LT_S_I = 236;
    public static final int BR_I32_LT_U_I = 237;
    public static final int BR_I32_GT_S_I = 238;
    public static final int BR_I32_GT_U_I = 239;
    public static final int BR_I32_LE_S_I = 240;
    public static final int BR_I32_LE_U_I = 241;
    public static final int BR_I32_GE_S_I = 242;
    public static final int BR_I32_GE_U_I = 243;

    /** i64 comparison fused with its branch. */
    public static final int BR_I64_EQ = 244;
    public static final int BR_I64_NE = 245;
    public static final int BR_I64_LT_S = 246;
    public static final int BR_I64_LT_U = 247;
    public static final int BR_I64_GT_S = 248;
    public static final int BR_I64_GT_U = 249;
    public static final int BR_I64_LE_S = 250;
    public static final int BR_I64_LE_U = 251;
    public static final int BR_I64_GE_S = 252;
    public static final int BR_I64_GE_U = 253;
    /** i64.eqz (or ref.is_null) fused with its branch: jump when the value is zero / non-zero. */
    public static final int BR_I64_Z = 254;
    public static final int BR_I64_NZ = 255;

    /** i32 comparison with a constant right operand, as a value (rare: usually fused into a branch). */
    public static final int I32_EQ_I = 256;
    public static final int I32_NE_I = 257;
    public static final int I32_LT_S_I = 258;
    public static final int I32_LT_U_I = 259;
    public static final int I32_GT_S_I = 260;
    public static final int I32_GT_U_I = 261;
    public static final int I32_LE_S_I = 262;
    public static final int I32_LE_U_I = 263;
    public static final int I32_GE_S_I = 264;
    public static final int I32_GE_U_I = 265;

    /** Stores of a constant value: a imm offset (i32.store8 and i64.store8 share one; i64.store takes an int constant). */
    public static final int I32_STORE_I = 266;
    public static final int I64_STORE_I = 267;
    public static final int I32_STORE8_I = 268;

    /** Two copies in a row (local.set after local.set): d1 a1 d2 a2, done in that order. */
    public static final int COPY2 = 269;

    /** Two i32.add of a constant in a row: d1 a1 imm1 d2 a2 imm2, done in that order. */
    public static final int I32_ADD_I2 = 270;

    /** SIMD instructions: this plus the instruction's 0xFD opcode (0 .. 255), run by {@link SimdInterpreter}. */
    public static final int SIMD_BASE = 271;
    /** global.get, global.set and select of a v128, also run by {@link SimdInterpreter}. */
    public static final int V128_GLOBAL_GET = SIMD_BASE + 256;
    public static final int V128_GLOBAL_SET = SIMD_BASE + 257;
    public static final int V128_SELECT = SIMD_BASE + 258;

    /**
     * A v128 shift by a constant count (already taken modulo the lane width): d a count. Twelve
     * ops, by lane shape (i8x16, i16x8, i32x4, i64x2) times kind (shl, shr_s, shr_u), in that order.
     */
    public static final int V128_SHIFT_I = SIMD_BASE + 259;
    /** An i8x16.shuffle that rotates the bytes of each i32 lane of its first operand: d a bits (8, 16 or 24, rightward). */
    public static final int I32X4_ROTR_I = SIMD_BASE + 271;

    /**
     * i8x16.shuffles that move whole i32 or i16 lanes: d a b lo hi, where lo and hi give the lane
     * indices of each result half (two i32 lanes 0-7, or four i16 lanes 0-15, one a byte).
     */
    public static final int I32X4_SHUFFLE_I = SIMD_BASE + 272;
    public static final int I16X8_SHUFFLE_I = SIMD_BASE + 273;

    /** One past the largest opcode. */
    public static final int COUNT = SIMD_BASE + 274;

    private static final String[] NAMES = new String[COUNT];

    static {
        String[] fixed = {"unreachable", "jump", "br_if_nz", "br_if_z", "br_table", "return", "return1", "call",
            "call_indirect", "copy", "const32", "const64", "select", "global.get", "global.set", "memory.size",
            "memory.grow", "br.i32.eq", "br.i32.ne", "br.i32.lt_s", "br.i32.lt_u", "br.i32.gt_s", "br.i32.gt_u",
            "br.i32.le_s", "br.i32.le_u", "br.i32.ge_s", "br.i32.ge_u"};
        System.arraycopy(fixed, 0, NAMES, 0, fixed.length);
        String[] rare = {"ref.func", "table.get", "table.set", "table.size", "table.grow", "table.fill", "table.copy",
            "table.init", "elem.drop", "memory.init", "data.drop", "memory.copy", "memory.fill"};
        System.arraycopy(rare, 0, NAMES, REF_FUNC, rare.length);
        String[] immediate = {"i32.add_i", "i32.mul_i", "i32.and_i", "i32.or_i", "i32.xor_i", "i32.shl_i", "i32.shr_s_i",
            "i32.shr_u_i", "i32.rotl_i", "i64.add_i"};
        System.arraycopy(immediate, 0, NAMES, I32_ADD_I, immediate.length);
        String[] compares = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
        for (int i = 0; i < compares.length; i++) {
            NAMES[BR_I32_EQ_I + i] = "br.i32." + compares[i] + "_i";
            NAMES[BR_I64_EQ + i] = "br.i64." + compares[i];
            NAMES[I32_EQ_I + i] = "i32." + compares[i] + "_i";
        }
        NAMES[COPY2] = "copy2";
        NAMES[I32_ADD_I2] = "i32.add_i2";
        NAMES[I32_STORE_I] = "i32.store_i";
        NAMES[I64_STORE_I] = "i64.store_i";
        NAMES[I32_STORE8_I] = "i32.store8_i";
        NAMES[BR_I64_Z] = "br.i64.z";
        NAMES[BR_I64_NZ] = "br.i64.nz";
        for (Opcode op : Opcode.values()) {
            int internal = fromWasm(op);
            if (internal >= 0) NAMES[internal] = op.mnemonic();
            if (op.prefix() == Opcode.PREFIX_FD) NAMES[SIMD_BASE + op.code()] = op.mnemonic();
        }
        NAMES[V128_GLOBAL_GET] = "v128.global.get";
        NAMES[V128_GLOBAL_SET] = "v128.global.set";
        NAMES[V128_SELECT] = "v128.select";
        String[] shapes = {"i8x16", "i16x8", "i32x4", "i64x2"};
        String[] shifts = {"shl", "shr_s", "shr_u"};
        for (int i = 0; i < 12; i++) NAMES[V128_SHIFT_I + i] = shapes[i / 3] + "." + shifts[i % 3] + "_i";
        NAMES[I32X4_ROTR_I] = "i32x4.rotr_i";
        NAMES[I32X4_SHUFFLE_I] = "i32x4.shuffle_i";
        NAMES[I16X8_SHUFFLE_I] = "i16x8.shuffle_i";
    }

    /** The internal opcode of a load, store or numeric Wasm instruction, or -1 for the others. */
    public static int fromWasm(Opcode op) {
        int code = op.code();
        if (op.prefix() == 0) {
            if (code >= 0x28 && code <= 0x3E) return MEM + code - 0x28;
            if (code >= 0x45 && code <= 0xC4) return NUM + code - 0x45;
        } else if (op.prefix() == Opcode.PREFIX_FC && code < 8) {
            return NUM + 0x80 + code;
        }
        return -1;
    }

    /** A readable name, for disassembly in tests and messages. */
    public static String name(int op) {
        return op >= 0 && op < COUNT && NAMES[op] != null ? NAMES[op] : "op" + op;
    }
}
