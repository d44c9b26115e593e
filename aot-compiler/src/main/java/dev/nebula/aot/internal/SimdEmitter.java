package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits one SIMD instruction (spec 4.4.3 vector instructions, 4.4.7 vector loads and stores) as
 * calls to the shared operator library {@code dev.nebula.runtime.ops.simd}. A v128 is two
 * {@code long}s on the JVM operand stack, low half below high half (see {@link Jvm}). The
 * operands are first moved into scratch locals (from {@code scratch} on; HotSpot keeps them in
 * registers), then each half of the result is computed by a call with the halves it needs, as the
 * library's calling convention says (package-info of {@code dev.nebula.runtime.ops.simd}):
 * lane-wise operators once per half, widening ones on 32 bits of the source half, narrowing and
 * lane-crossing ones on the whole vector. Memory accesses are bounds-checked once for all their
 * bytes by {@link SimdMemory#address}, which traps as the scalar accesses do.
 */
final class SimdEmitter {

    private static final String PKG = "dev/nebula/runtime/ops/simd/";
    private static final String BITWISE = PKG + "V128Bitwise";
    private static final String COMPARE = PKG + "V128Compare";
    private static final String CONVERT = PKG + "V128Convert";
    private static final String FLOAT = PKG + "V128Float";
    private static final String INT_ARITH = PKG + "V128IntArith";
    private static final String LANES = PKG + "V128Lanes";
    private static final String SHIFTS = PKG + "V128Shifts";
    private static final String MEMORY = "dev/nebula/aot/internal/SimdMemory";

    /** The order of V128Float's unary kinds (ABS = 0 ... NEAREST = 6), by operator name. */
    private static final java.util.List<String> FLOAT_UNARY = java.util.List.of("abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest");

    private final MethodVisitor mv;
    private final int memorySlot;
    /** Memory 0's size in bytes, the bound of every access. */
    private final int limitSlot;
    private int scratch;

    SimdEmitter(MethodVisitor mv, int memorySlot, int limitSlot, int scratch) {
        this.mv = mv;
        this.memorySlot = memorySlot;
        this.limitSlot = limitSlot;
        this.scratch = scratch;
    }

    /** Emits {@code op} (its immediates read from {@code r}); returns the next free scratch local. */
    int emit(Opcode op, CodeReader r) {
        Immediate im = op.immediate();
        String m = op.mnemonic();
        if (im == Immediate.V128) {
            Jvm.pushLong(mv, r.v128Low());
            Jvm.pushLong(mv, r.v128High());
        } else if (im == Immediate.MEMARG) {
            if (op == Opcode.V128_STORE) store(r.offset());
            else load(op, r.offset());
        } else if (im == Immediate.MEMARG_LANE) {
            laneAccess(op, r.offset(), r.lane());
        } else if (im == Immediate.SHUFFLE) {
            shuffle(r.shuffleLanes());
        } else if (im == Immediate.LANE) {
            if (op.popCount() == 1) extract(op, r.lane());
            else replace(op, r.lane());
        } else if (op.popCount() == 1 && op.pop(0) != ValType.V128) {
            splat(op);
        } else if (op.push(0) != ValType.V128) {
            // any_true, all_true, bitmask: both halves in, an i32 out
            String owner = op == Opcode.V128_ANY_TRUE ? BITWISE : LANES;
            mv.visitMethodInsn(INVOKESTATIC, owner, camel(m), "(JJ)I", false);
        } else if (op == Opcode.V128_BITSELECT) {
            int c = spillV128();
            int b = spillV128();
            int a = spillV128();
            for (int half = 0; half <= 2; half += 2) {
                load(a + half, b + half, c + half);
                mv.visitMethodInsn(INVOKESTATIC, BITWISE, "bitselect", "(JJJ)J", false);
            }
        } else if (op.popCount() == 2 && op.pop(1) == ValType.I32) {
            int n = spillInt();
            int a = spillV128();
            for (int half = 0; half <= 2; half += 2) {
                mv.visitVarInsn(LLOAD, a + half);
                mv.visitVarInsn(ILOAD, n);
                mv.visitMethodInsn(INVOKESTATIC, SHIFTS, camel(m), "(JI)J", false);
            }
        } else if (crossesHalves(m)) {
            crossing(op, m);
        } else if (op.popCount() == 1) {
            int a = spillV128();
            for (int half = 0; half <= 2; half += 2) unary(op, m, a + half);
        } else {
            int b = spillV128();
            int a = spillV128();
            for (int half = 0; half <= 2; half += 2) binary(op, m, a + half, b + half);
        }
        return scratch;
    }

    // ---- lane-wise operators: each half of the result from the same half of the operands ----

    private void unary(Opcode op, String m, int a) {
        String shape = m.substring(0, m.indexOf('.'));
        String name = m.substring(m.indexOf('.') + 1);
        if (op == Opcode.V128_NOT) {
            mv.visitVarInsn(LLOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, BITWISE, "not", "(J)J", false);
        } else if ((shape.equals("f32x4") || shape.equals("f64x2")) && FLOAT_UNARY.contains(name)) {
            Jvm.pushInt(mv, FLOAT_UNARY.indexOf(name));
            mv.visitVarInsn(LLOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, FLOAT, shape + "Unary", "(IJ)J", false);
        } else if (name.startsWith("extadd_pairwise")) {
            mv.visitVarInsn(LLOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, shape + "ExtaddPairwise" + (m.endsWith("_s") ? "S" : "U"), "(J)J", false);
        } else if (name.startsWith("trunc_sat") || name.startsWith("convert")) {
            mv.visitVarInsn(LLOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, CONVERT, camel(m), "(J)J", false);
        } else {
            mv.visitVarInsn(LLOAD, a);
            mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, camel(m), "(J)J", false);
        }
    }

    private void binary(Opcode op, String m, int a, int b) {
        int c = op.code();
        String owner;
        String name;
        int kind = -1;
        // the comparison and float blocks of the 0xFD opcode space, in V128Compare's and V128Float's kind order
        if (c >= 35 && c <= 76) {
            owner = COMPARE;
            int[] starts = {35, 45, 55, 65, 71};
            String[] shapes = {"i8x16", "i16x8", "i32x4", "f32x4", "f64x2"};
            int s = 4;
            while (c < starts[s]) s--;
            name = shapes[s];
            kind = c - starts[s];
        } else if (c >= 214 && c <= 219) {
            owner = COMPARE; // i64x2.eq ne lt_s gt_s le_s ge_s
            name = "i64x2";
            kind = new int[] {0, 1, 2, 4, 6, 8}[c - 214];
        } else if (c >= 228 && c <= 235) {
            owner = FLOAT;
            name = "f32x4Binary";
            kind = c - 228;
        } else if (c >= 240 && c <= 247) {
            owner = FLOAT;
            name = "f64x2Binary";
            kind = c - 240;
        } else if (m.startsWith("v128.")) {
            owner = BITWISE;
            name = op == Opcode.V128_ANDNOT ? "andNot" : camel(m);
        } else {
            owner = INT_ARITH;
            name = camel(m);
        }
        if (kind >= 0) Jvm.pushInt(mv, kind);
        load(a, b);
        mv.visitMethodInsn(INVOKESTATIC, owner, name, kind >= 0 ? "(IJJ)J" : "(JJ)J", false);
    }

    // ---- operators whose lanes cross halves ----

    static boolean crossesHalves(String m) {
        return m.contains("extend") || m.contains("narrow") || m.contains("extmul") || m.contains("swizzle")
                || m.contains("convert_low") || m.contains("promote") || m.contains("demote") || m.endsWith("_zero");
    }

    private void crossing(Opcode op, String m) {
        String shape = m.substring(0, m.indexOf('.'));
        boolean binary = op.popCount() == 2;
        int b = binary ? spillV128() : -1;
        int a = spillV128();
        if (op == Opcode.I8X16_SWIZZLE) {
            for (int half = 0; half <= 2; half += 2) {
                load(a, a + 2, b + half);
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i8x16Swizzle", "(JJJ)J", false);
            }
        } else if (m.contains("narrow")) {
            String name = shape + "Narrow" + (m.endsWith("_s") ? "S" : "U");
            load(a, a + 2);
            mv.visitMethodInsn(INVOKESTATIC, CONVERT, name, "(JJ)J", false);
            load(b, b + 2);
            mv.visitMethodInsn(INVOKESTATIC, CONVERT, name, "(JJ)J", false);
        } else if (m.endsWith("_zero")) {
            // demote and trunc_sat of f64x2: two lanes of results in the low half, zeros above
            String name = op == Opcode.F32X4_DEMOTE_F64X2_ZERO ? "f32x4DemoteZero" : camel(m);
            load(a, a + 2);
            mv.visitMethodInsn(INVOKESTATIC, CONVERT, name, "(JJ)J", false);
            mv.visitInsn(LCONST_0);
        } else {
            widening(op, m, shape, a, b);
        }
    }

    /**
     * extend, extmul, convert_low, promote_low: the low forms read the low half of their
     * operands, the high forms the high half; the result's low half comes from the lower 32 bits
     * of that half, its high half from the upper 32.
     */
    private void widening(Opcode op, String m, String shape, int a, int b) {
        int source = m.contains("high") ? 2 : 0;
        String name;
        if (m.contains("extend")) name = shape + "Extend" + (m.endsWith("_s") ? "S" : "U");
        else if (m.contains("extmul")) name = shape + "Extmul" + (m.endsWith("_s") ? "S" : "U");
        else if (op == Opcode.F64X2_PROMOTE_LOW_F32X4) name = "f64x2Promote";
        else name = "f64x2Convert" + (m.endsWith("_s") ? "S" : "U");
        boolean two = b >= 0;
        for (int upper = 0; upper <= 1; upper++) {
            lowOrUpper(a + source, upper == 1);
            if (two) lowOrUpper(b + source, upper == 1);
            mv.visitMethodInsn(INVOKESTATIC, CONVERT, name, two ? "(II)J" : "(I)J", false);
        }
    }

    private void lowOrUpper(int slot, boolean upper) {
        mv.visitVarInsn(LLOAD, slot);
        if (upper) {
            Jvm.pushInt(mv, 32);
            mv.visitInsn(LUSHR);
        }
        mv.visitInsn(L2I);
    }

    // ---- lanes ----

    private void shuffle(byte[] lanes) {
        int b = spillV128();
        int a = spillV128();
        for (int half = 0; half < 2; half++) {
            long indices = 0;
            for (int i = 7; i >= 0; i--) indices = (indices << 8) | (lanes[half * 8 + i] & 0xFF);
            load(a, a + 2, b, b + 2);
            Jvm.pushLong(mv, indices);
            mv.visitMethodInsn(INVOKESTATIC, LANES, "i8x16Shuffle", "(JJJJJ)J", false);
        }
    }

    private void splat(Opcode op) {
        switch (op) {
            case I8X16_SPLAT -> mv.visitMethodInsn(INVOKESTATIC, LANES, "i8x16Splat", "(I)J", false);
            case I16X8_SPLAT -> mv.visitMethodInsn(INVOKESTATIC, LANES, "i16x8Splat", "(I)J", false);
            case I32X4_SPLAT -> mv.visitMethodInsn(INVOKESTATIC, LANES, "i32x4Splat", "(I)J", false);
            case F32X4_SPLAT -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i32x4Splat", "(I)J", false);
            }
            case I64X2_SPLAT -> { }
            case F64X2_SPLAT -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            default -> throw new IllegalStateException("not a splat: " + op);
        }
        mv.visitInsn(DUP2); // both halves alike
    }

    /** extract_lane: both halves are on the stack, the lane is a constant. */
    private void extract(Opcode op, int lane) {
        Jvm.pushInt(mv, lane);
        switch (op) {
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U, I32X4_EXTRACT_LANE ->
                    mv.visitMethodInsn(INVOKESTATIC, LANES, camel(op.mnemonic()), "(JJI)I", false);
            case I64X2_EXTRACT_LANE -> mv.visitMethodInsn(INVOKESTATIC, LANES, "i64x2ExtractLane", "(JJI)J", false);
            case F32X4_EXTRACT_LANE -> {
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i32x4ExtractLane", "(JJI)I", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F64X2_EXTRACT_LANE -> {
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i64x2ExtractLane", "(JJI)J", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
            default -> throw new IllegalStateException("not an extract_lane: " + op);
        }
    }

    private void replace(Opcode op, int lane) {
        String shape = op.mnemonic().substring(0, 5);
        if (shape.equals("f32x4")) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
            shape = "i32x4";
        } else if (shape.equals("f64x2")) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            shape = "i64x2";
        }
        if (shape.equals("i64x2")) {
            int x = spillLong();
            int a = spillV128();
            mv.visitVarInsn(LLOAD, lane == 0 ? x : a);
            mv.visitVarInsn(LLOAD, lane == 1 ? x : a + 2);
            return;
        }
        int x = spillInt();
        int a = spillV128();
        replaceLane(shape, a, lane, x);
    }

    /** Pushes both halves of the v128 at {@code a} with lane {@code lane} (of an i8/i16/i32 shape) set to the int at {@code x}. */
    private void replaceLane(String shape, int a, int lane, int x) {
        for (int half = 0; half <= 2; half += 2) {
            mv.visitVarInsn(LLOAD, a + half);
            Jvm.pushInt(mv, lane);
            mv.visitVarInsn(ILOAD, x);
            mv.visitMethodInsn(INVOKESTATIC, LANES, shape + "ReplaceLane" + (half == 0 ? "Lo" : "Hi"), "(JII)J", false);
        }
    }

    // ---- memory (spec 4.4.7) ----

    /** With the address operand on the stack: checks {@code size} bytes from it and keeps the effective address in a scratch int. */
    private int address(long offset, int size) {
        Jvm.pushInt(mv, (int) offset);
        mv.visitVarInsn(ILOAD, limitSlot);
        Jvm.pushInt(mv, size);
        mv.visitMethodInsn(INVOKESTATIC, MEMORY, "address", "(IIII)I", false);
        return spillInt();
    }

    /** Pushes the memory array and the effective address at {@code ea} plus {@code plus}. */
    private void at(int ea, int plus) {
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitVarInsn(ILOAD, ea);
        if (plus != 0) {
            Jvm.pushInt(mv, plus);
            mv.visitInsn(IADD);
        }
    }

    private void read(int ea, int plus, String name, String type) {
        at(ea, plus);
        mv.visitMethodInsn(INVOKESTATIC, MEMORY, name, "([BI)" + type, false);
    }

    private void load(Opcode op, long offset) {
        switch (op) {
            case V128_LOAD -> {
                int ea = address(offset, 16);
                read(ea, 0, "longAt", "J");
                read(ea, 8, "longAt", "J");
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                int ea = address(offset, 8);
                read(ea, 0, "longAt", "J");
                int v = spillLong();
                String m = op.mnemonic();
                String shape = m.contains("8x8") ? "i16x8" : m.contains("16x4") ? "i32x4" : "i64x2";
                String name = shape + "Extend" + (m.endsWith("_s") ? "S" : "U");
                for (int upper = 0; upper <= 1; upper++) {
                    lowOrUpper(v, upper == 1);
                    mv.visitMethodInsn(INVOKESTATIC, CONVERT, name, "(I)J", false);
                }
            }
            case V128_LOAD8_SPLAT -> {
                read(address(offset, 1), 0, "byteAt", "I");
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i8x16Splat", "(I)J", false);
                mv.visitInsn(DUP2);
            }
            case V128_LOAD16_SPLAT -> {
                read(address(offset, 2), 0, "shortAt", "I");
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i16x8Splat", "(I)J", false);
                mv.visitInsn(DUP2);
            }
            case V128_LOAD32_SPLAT -> {
                read(address(offset, 4), 0, "intAt", "I");
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i32x4Splat", "(I)J", false);
                mv.visitInsn(DUP2);
            }
            case V128_LOAD64_SPLAT -> {
                read(address(offset, 8), 0, "longAt", "J");
                mv.visitInsn(DUP2);
            }
            case V128_LOAD32_ZERO -> {
                read(address(offset, 4), 0, "intAt", "I");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "toUnsignedLong", "(I)J", false);
                mv.visitInsn(LCONST_0);
            }
            case V128_LOAD64_ZERO -> {
                read(address(offset, 8), 0, "longAt", "J");
                mv.visitInsn(LCONST_0);
            }
            default -> throw new IllegalStateException("not a v128 load: " + op);
        }
    }

    /** v128.store, [address lo hi]: checked for all 16 bytes before either half is written. */
    private void store(long offset) {
        int v = spillV128();
        int ea = address(offset, 16);
        for (int half = 0; half <= 2; half += 2) {
            at(ea, half * 4);
            mv.visitVarInsn(LLOAD, v + half);
            mv.visitMethodInsn(INVOKESTATIC, MEMORY, "putLong", "([BIJ)V", false);
        }
    }

    /** v128.loadN_lane and v128.storeN_lane, [address lo hi]: one lane of N bits, the other lanes as they were. */
    private void laneAccess(Opcode op, long offset, int lane) {
        int v = spillV128();
        String m = op.mnemonic();
        int bits = m.contains("8_") ? 8 : m.contains("16_") ? 16 : m.contains("32_") ? 32 : 64;
        int ea = address(offset, bits / 8);
        String shape = switch (bits) {
            case 8 -> "i8x16";
            case 16 -> "i16x8";
            case 32 -> "i32x4";
            default -> "i64x2";
        };
        boolean isLoad = op.pushCount() == 1;
        if (isLoad && bits == 64) {
            read(ea, 0, "longAt", "J");
            int x = spillLong();
            mv.visitVarInsn(LLOAD, lane == 0 ? x : v);
            mv.visitVarInsn(LLOAD, lane == 1 ? x : v + 2);
        } else if (isLoad) {
            read(ea, 0, bits == 8 ? "byteAt" : bits == 16 ? "shortAt" : "intAt", "I");
            int x = spillInt();
            replaceLane(shape, v, lane, x);
        } else {
            at(ea, 0);
            load(v, v + 2);
            Jvm.pushInt(mv, lane);
            if (bits == 64) {
                mv.visitMethodInsn(INVOKESTATIC, LANES, "i64x2ExtractLane", "(JJI)J", false);
                mv.visitMethodInsn(INVOKESTATIC, MEMORY, "putLong", "([BIJ)V", false);
            } else {
                String extract = bits == 32 ? "i32x4ExtractLane" : shape + "ExtractLaneU";
                mv.visitMethodInsn(INVOKESTATIC, LANES, extract, "(JJI)I", false);
                String put = bits == 8 ? "putByte" : bits == 16 ? "putShort" : "putInt";
                mv.visitMethodInsn(INVOKESTATIC, MEMORY, put, "([BII)V", false);
            }
        }
    }

    // ---- scratch locals ----

    /** Pops a v128 into two fresh long locals; returns the low half's (the high half's is 2 above). */
    private int spillV128() {
        int slot = scratch;
        scratch += 4;
        mv.visitVarInsn(LSTORE, slot + 2);
        mv.visitVarInsn(LSTORE, slot);
        return slot;
    }

    private int spillLong() {
        int slot = scratch;
        scratch += 2;
        mv.visitVarInsn(LSTORE, slot);
        return slot;
    }

    private int spillInt() {
        int slot = scratch++;
        mv.visitVarInsn(ISTORE, slot);
        return slot;
    }

    private void load(int... longSlots) {
        for (int s : longSlots) mv.visitVarInsn(LLOAD, s);
    }

    /** The library's method name for a mnemonic: {@code i16x8.add_sat_s} is {@code i16x8AddSatS}. */
    static String camel(String mnemonic) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : mnemonic.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = s.toString();
        return name.startsWith("v128") ? Character.toLowerCase(name.charAt(4)) + name.substring(5) : name;
    }
}
