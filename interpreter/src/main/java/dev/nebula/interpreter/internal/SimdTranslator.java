package dev.nebula.interpreter.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;

/**
 * Translates one SIMD instruction (spec 4.4.3 vector instructions, 4.4.7 vector loads and stores)
 * into the layouts of {@link SimdShape}, with the same operand rules as the scalar ones: a v128
 * operand is read from a v128 local where it is or from its two canonical slots, {@code v128.const}
 * becomes two virtual constants (so it usually costs nothing), a v128 load folds an
 * {@code i32.add} of a constant into its address like a scalar load, and a v128 result feeding
 * {@code local.set} is written straight into the local.
 */
final class SimdTranslator {

    private SimdTranslator() {
    }

    static void translate(Translator t, Opcode op, CodeReader r) {
        VirtualStack stack = t.stack;
        int internal = Op.SIMD_BASE + op.code();
        if (op == Opcode.V128_CONST) {
            t.pushConst128(r.v128Low(), r.v128High());
            return;
        }
        int offset = (int) r.offset();
        switch (SimdShape.OF[op.code()]) {
            case SimdShape.LOAD -> {
                int p = t.top();
                int a;
                int add = 0;
                if (t.lastWrote(p) && t.lastOp() == Op.I32_ADD_I) {
                    a = t.lastA();
                    add = t.lastB();
                    t.undoLast();
                } else {
                    a = t.operand(p);
                }
                stack.pop();
                t.emitResult128(internal, stack.pushSlot128(), a, add, offset);
            }
            case SimdShape.STORE, SimdShape.STORE_LANE -> {
                int v = t.operand128(t.top() - 1);
                int a = t.operand(t.top() - 2);
                stack.pop(3);
                if (op == Opcode.V128_STORE) t.emit(internal, a, v, offset);
                else t.emit(internal, a, v, offset, r.lane());
            }
            case SimdShape.LOAD_LANE -> {
                int v = t.operand128(t.top() - 1);
                int a = t.operand(t.top() - 2);
                stack.pop(3);
                t.emitResult128(internal, stack.pushSlot128(), a, v, offset, r.lane());
            }
            case SimdShape.SHUFFLE -> {
                byte[] lanes = r.shuffleLanes();
                int rotation = byteRotation(lanes);
                if (rotation > 0) {
                    // Rotates the bytes of every i32 lane of a (BLAKE3 and ChaCha's rot8 and rot16):
                    // a lane rotation; b is not read.
                    int a = t.operand128(t.top() - 3);
                    stack.pop(4);
                    t.emitResult128(Op.I32X4_ROTR_I, stack.pushSlot128(), a, 8 * rotation);
                    return;
                }
                int b = t.operand128(t.top() - 1);
                int a = t.operand128(t.top() - 3);
                stack.pop(4);
                if (aligned(lanes, 4)) {
                    t.emitResult128(Op.I32X4_SHUFFLE_I, stack.pushSlot128(), a, b,
                            lanes[0] / 4 | lanes[4] / 4 << 8, lanes[8] / 4 | lanes[12] / 4 << 8);
                    return;
                }
                if (aligned(lanes, 2)) {
                    int lo = 0;
                    int hi = 0;
                    for (int i = 0; i < 4; i++) {
                        lo |= lanes[2 * i] / 2 << 8 * i;
                        hi |= lanes[8 + 2 * i] / 2 << 8 * i;
                    }
                    t.emitResult128(Op.I16X8_SHUFFLE_I, stack.pushSlot128(), a, b, lo, hi);
                    return;
                }
                int[] m = new int[4];
                for (int i = 0; i < 16; i++) m[i >> 2] |= (lanes[i] & 0xFF) << 8 * (i & 3);
                t.emitResult128(internal, stack.pushSlot128(), a, b, m[0], m[1], m[2], m[3]);
            }
            case SimdShape.EXTRACT -> {
                int a = t.operand128(t.top() - 1);
                stack.pop(2);
                t.emitResult(internal, stack.pushSlot(), a, r.lane());
            }
            case SimdShape.REPLACE -> {
                int x = t.operand(t.top());
                int a = t.operand128(t.top() - 2);
                stack.pop(3);
                t.emitResult128(internal, stack.pushSlot128(), a, x, r.lane());
            }
            case SimdShape.SHIFT -> {
                if (stack.kind(t.top()) == VirtualStack.CONST) {
                    // A constant count (spec 4.4.3 vshiftop takes it modulo the lane width): an immediate.
                    int code = op.code();
                    int shape = code < 120 ? 0 : code < 150 ? 1 : code < 180 ? 2 : 3;
                    int kind = (code - (shape == 0 ? 107 : shape == 1 ? 139 : shape == 2 ? 171 : 203));
                    int count = (int) stack.value(t.top()) & ((8 << shape) - 1);
                    int a = t.operand128(t.top() - 2);
                    stack.pop(3);
                    t.emitResult128(Op.V128_SHIFT_I + 3 * shape + kind, stack.pushSlot128(), a, count);
                } else {
                    fixedOperands(t, op, internal);
                }
            }
            default -> fixedOperands(t, op, internal);
        }
    }

    /** Whether the byte indices come in aligned groups of {@code width}: the shuffle moves whole lanes of that width. */
    static boolean aligned(byte[] lanes, int width) {
        for (int i = 0; i < 16; i += width) {
            if (lanes[i] % width != 0) return false;
            for (int j = 1; j < width; j++) if (lanes[i + j] != lanes[i] + j) return false;
        }
        return true;
    }

    /**
     * {@code r} in 1..3 when the shuffle takes, for every i32 lane of its first operand, byte
     * {@code (j + r) mod 4} of that lane as byte {@code j}: a rotation right by {@code 8r} bits. 0 otherwise.
     */
    static int byteRotation(byte[] lanes) {
        for (int r = 1; r < 4; r++) {
            boolean all = true;
            for (int i = 0; i < 16 && all; i++) all = lanes[i] == ((i & ~3) | ((i + r) & 3));
            if (all) return r;
        }
        return 0;
    }

    /** Instructions without immediates: the operands of the signature, then a v128 or i32 result. */
    private static void fixedOperands(Translator t, Opcode op, int internal) {
        VirtualStack stack = t.stack;
        int n = op.popCount();
        int[] operands = new int[n + 1];
        int p = stack.height();
        int slots = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (op.pop(i) == ValType.V128) {
                p -= 2;
                operands[i + 1] = t.operand128(p);
                slots += 2;
            } else {
                p -= 1;
                operands[i + 1] = t.operand(p);
                slots += 1;
            }
        }
        stack.pop(slots);
        if (op.push(0) == ValType.V128) {
            operands[0] = stack.pushSlot128();
            t.emitResult128(internal, operands);
        } else {
            operands[0] = stack.pushSlot();
            t.emitResult(internal, operands);
        }
    }
}
