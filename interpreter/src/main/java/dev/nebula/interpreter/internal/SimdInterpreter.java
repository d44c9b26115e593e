package dev.nebula.interpreter.internal;

import dev.nebula.decoder.Opcode;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.ops.Traps;
import dev.nebula.runtime.ops.simd.V128Convert;
import dev.nebula.runtime.ops.simd.V128Float;
import dev.nebula.runtime.ops.simd.V128IntArith;
import dev.nebula.runtime.ops.simd.V128Lanes;
import dev.nebula.runtime.ops.simd.V128Shifts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Runs SIMD instructions (spec 4.4.3, vector loads and stores of 4.4.7) outside the hot loop, which
 * must stay under HugeMethodLimit: the driver hands this loop the first SIMD instruction it meets,
 * and it runs that one and every SIMD instruction, copy or constant right after it, returning the
 * pc of the first other one. A v128 is two slots, low half first ({@link SimdShape} gives the layouts). Every
 * instruction reads all its operands before it writes its result, because the result may go to
 * the slots of an operand. The operators themselves are the shared library's
 * ({@code dev.nebula.runtime.ops.simd}), dispatched in {@link SimdOps}.
 */
final class SimdInterpreter {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MASK32 = 0xFFFF_FFFFL;

    // Case labels must be constants; the static block checks them against the Opcode table.
    private static final int V128_LOAD = Op.SIMD_BASE + 0;
    private static final int V128_STORE = Op.SIMD_BASE + 11;
    private static final int V128_AND = Op.SIMD_BASE + 78;
    private static final int V128_OR = Op.SIMD_BASE + 80;
    private static final int V128_XOR = Op.SIMD_BASE + 81;
    private static final int I32X4_ADD = Op.SIMD_BASE + 174;
    private static final int I64X2_ADD = Op.SIMD_BASE + 206;
    private static final int I8X16_SHUFFLE = Op.SIMD_BASE + 13;
    private static final int I32X4_SPLAT = Op.SIMD_BASE + 17;
    private static final int I32X4_EXTRACT_LANE = Op.SIMD_BASE + 27;
    private static final int I32X4_REPLACE_LANE = Op.SIMD_BASE + 28;
    private static final int V128_ANDNOT = Op.SIMD_BASE + 79;
    private static final int V128_BITSELECT = Op.SIMD_BASE + 82;
    private static final int I32X4_SUB = Op.SIMD_BASE + 177;
    private static final int F32X4_NEAREST = Op.SIMD_BASE + 106;
    private static final int I16X8_ADD_SAT_S = Op.SIMD_BASE + 143;
    private static final int I16X8_MUL = Op.SIMD_BASE + 149;
    private static final int I32X4_DOT_I16X8_S = Op.SIMD_BASE + 186;
    private static final int F32X4_ADD = Op.SIMD_BASE + 228;
    private static final int F32X4_MUL = Op.SIMD_BASE + 230;
    private static final int I32X4_TRUNC_SAT_F32X4_S = Op.SIMD_BASE + 248;
    private static final int I32X4_SHL_I = Op.V128_SHIFT_I + 6;
    private static final int I32X4_SHR_U_I = Op.V128_SHIFT_I + 8;

    static {
        if (V128_LOAD != Op.SIMD_BASE + Opcode.V128_LOAD.code() || V128_STORE != Op.SIMD_BASE + Opcode.V128_STORE.code()
                || V128_AND != Op.SIMD_BASE + Opcode.V128_AND.code() || V128_OR != Op.SIMD_BASE + Opcode.V128_OR.code()
                || V128_XOR != Op.SIMD_BASE + Opcode.V128_XOR.code() || I32X4_ADD != Op.SIMD_BASE + Opcode.I32X4_ADD.code()
                || I64X2_ADD != Op.SIMD_BASE + Opcode.I64X2_ADD.code() || I8X16_SHUFFLE != Op.SIMD_BASE + Opcode.I8X16_SHUFFLE.code()
                || I32X4_SPLAT != Op.SIMD_BASE + Opcode.I32X4_SPLAT.code()
                || I32X4_EXTRACT_LANE != Op.SIMD_BASE + Opcode.I32X4_EXTRACT_LANE.code()
                || I32X4_REPLACE_LANE != Op.SIMD_BASE + Opcode.I32X4_REPLACE_LANE.code()
                || V128_ANDNOT != Op.SIMD_BASE + Opcode.V128_ANDNOT.code() || V128_BITSELECT != Op.SIMD_BASE + Opcode.V128_BITSELECT.code()
                || I32X4_SUB != Op.SIMD_BASE + Opcode.I32X4_SUB.code()
                || F32X4_NEAREST != Op.SIMD_BASE + Opcode.F32X4_NEAREST.code()
                || I16X8_ADD_SAT_S != Op.SIMD_BASE + Opcode.I16X8_ADD_SAT_S.code()
                || I16X8_MUL != Op.SIMD_BASE + Opcode.I16X8_MUL.code()
                || I32X4_DOT_I16X8_S != Op.SIMD_BASE + Opcode.I32X4_DOT_I16X8_S.code()
                || F32X4_ADD != Op.SIMD_BASE + Opcode.F32X4_ADD.code() || F32X4_MUL != Op.SIMD_BASE + Opcode.F32X4_MUL.code()
                || I32X4_TRUNC_SAT_F32X4_S != Op.SIMD_BASE + Opcode.I32X4_TRUNC_SAT_F32X4_S.code()) {
            throw new AssertionError("SimdInterpreter's opcode constants disagree with the Opcode table");
        }
    }

    private SimdInterpreter() {
    }

    static int run(int[] code, int pc, long[] stack, int fp, byte[] mem, Global[] globals) {
        while (true) {
            int op = code[pc];
            switch (op) {
                // Copies and constants run here too, so that the v128 moves between SIMD
                // instructions do not send the run back to the hot loop.
                case Op.COPY -> {
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]];
                    pc += 3;
                }
                case Op.COPY2 -> {
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 3]] = stack[fp + code[pc + 4]];
                    pc += 5;
                }
                case Op.CONST32 -> {
                    stack[fp + code[pc + 1]] = code[pc + 2];
                    pc += 3;
                }
                case Op.CONST64 -> {
                    stack[fp + code[pc + 1]] = (code[pc + 2] & MASK32) | ((long) code[pc + 3] << 32);
                    pc += 4;
                }
                // The commonest SIMD instructions, written out; the rest go through their shape.
                case I32X4_ADD -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128IntArith.i32x4Add(stack[a], stack[b]);
                    long hi = V128IntArith.i32x4Add(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I32X4_SUB -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128IntArith.i32x4Sub(stack[a], stack[b]);
                    long hi = V128IntArith.i32x4Sub(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case V128_ANDNOT -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = stack[a] & ~stack[b];
                    long hi = stack[a + 1] & ~stack[b + 1];
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case V128_BITSELECT -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    int c = fp + code[pc + 4];
                    long lo = (stack[a] & stack[c]) | (stack[b] & ~stack[c]);
                    long hi = (stack[a + 1] & stack[c + 1]) | (stack[b + 1] & ~stack[c + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 5;
                }
                case I32X4_SPLAT -> {
                    long half = V128Lanes.i32x4Splat((int) stack[fp + code[pc + 2]]);
                    int d = fp + code[pc + 1];
                    stack[d] = half;
                    stack[d + 1] = half;
                    pc += 3;
                }
                case I32X4_EXTRACT_LANE -> {
                    int a = fp + code[pc + 2];
                    stack[fp + code[pc + 1]] = V128Lanes.i32x4ExtractLane(stack[a], stack[a + 1], code[pc + 3]);
                    pc += 4;
                }
                case I32X4_REPLACE_LANE -> {
                    int a = fp + code[pc + 2];
                    int x = (int) stack[fp + code[pc + 3]];
                    int lane = code[pc + 4];
                    long lo = V128Lanes.i32x4ReplaceLaneLo(stack[a], lane, x);
                    long hi = V128Lanes.i32x4ReplaceLaneHi(stack[a + 1], lane, x);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 5;
                }
                case Op.I32X4_SHUFFLE_I -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long aLo = stack[a];
                    long aHi = stack[a + 1];
                    long bLo = stack[b];
                    long bHi = stack[b + 1];
                    long lo = V128Lanes.i32x4ShuffleHalf(aLo, aHi, bLo, bHi, code[pc + 4]);
                    long hi = V128Lanes.i32x4ShuffleHalf(aLo, aHi, bLo, bHi, code[pc + 5]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 6;
                }
                case Op.I16X8_SHUFFLE_I -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long aLo = stack[a];
                    long aHi = stack[a + 1];
                    long bLo = stack[b];
                    long bHi = stack[b + 1];
                    long lo = V128Lanes.i16x8ShuffleHalf(aLo, aHi, bLo, bHi, code[pc + 4]);
                    long hi = V128Lanes.i16x8ShuffleHalf(aLo, aHi, bLo, bHi, code[pc + 5]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 6;
                }
                case I8X16_SHUFFLE -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long aLo = stack[a];
                    long aHi = stack[a + 1];
                    long bLo = stack[b];
                    long bHi = stack[b + 1];
                    long lo = V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, (code[pc + 4] & MASK32) | ((long) code[pc + 5] << 32));
                    long hi = V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, (code[pc + 6] & MASK32) | ((long) code[pc + 7] << 32));
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 8;
                }
                case F32X4_ADD -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128Float.f32x4Add(stack[a], stack[b]);
                    long hi = V128Float.f32x4Add(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case F32X4_MUL -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128Float.f32x4Mul(stack[a], stack[b]);
                    long hi = V128Float.f32x4Mul(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I16X8_MUL -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128IntArith.i16x8Mul(stack[a], stack[b]);
                    long hi = V128IntArith.i16x8Mul(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I16X8_ADD_SAT_S -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128IntArith.i16x8AddSatS(stack[a], stack[b]);
                    long hi = V128IntArith.i16x8AddSatS(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I32X4_DOT_I16X8_S -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = V128IntArith.i32x4DotI16x8S(stack[a], stack[b]);
                    long hi = V128IntArith.i32x4DotI16x8S(stack[a + 1], stack[b + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I32X4_TRUNC_SAT_F32X4_S -> {
                    int a = fp + code[pc + 2];
                    long lo = V128Convert.i32x4TruncSatF32x4S(stack[a]);
                    long hi = V128Convert.i32x4TruncSatF32x4S(stack[a + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 3;
                }
                case F32X4_NEAREST -> {
                    int a = fp + code[pc + 2];
                    long lo = V128Float.f32x4Unary(V128Float.NEAREST, stack[a]);
                    long hi = V128Float.f32x4Unary(V128Float.NEAREST, stack[a + 1]);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 3;
                }
                case V128_XOR -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = stack[a] ^ stack[b];
                    long hi = stack[a + 1] ^ stack[b + 1];
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case V128_OR -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = stack[a] | stack[b];
                    long hi = stack[a + 1] | stack[b + 1];
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case V128_AND -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = stack[a] & stack[b];
                    long hi = stack[a + 1] & stack[b + 1];
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I64X2_ADD -> {
                    int a = fp + code[pc + 2];
                    int b = fp + code[pc + 3];
                    long lo = stack[a] + stack[b];
                    long hi = stack[a + 1] + stack[b + 1];
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I32X4_SHL_I -> {
                    int a = fp + code[pc + 2];
                    int n = code[pc + 3];
                    long lo = V128Shifts.i32x4Shl(stack[a], n);
                    long hi = V128Shifts.i32x4Shl(stack[a + 1], n);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case I32X4_SHR_U_I -> {
                    int a = fp + code[pc + 2];
                    int n = code[pc + 3];
                    long lo = V128Shifts.i32x4ShrU(stack[a], n);
                    long hi = V128Shifts.i32x4ShrU(stack[a + 1], n);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case Op.I32X4_ROTR_I -> {
                    int a = fp + code[pc + 2];
                    int n = code[pc + 3];
                    long lo = V128Shifts.i32x4Rotr(stack[a], n);
                    long hi = V128Shifts.i32x4Rotr(stack[a + 1], n);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 4;
                }
                case V128_LOAD -> {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (mem == null || ea > mem.length - 16) throw Traps.outOfBounds();
                    long lo = (long) LONG.get(mem, (int) ea);
                    long hi = (long) LONG.get(mem, (int) ea + 8);
                    int d = fp + code[pc + 1];
                    stack[d] = lo;
                    stack[d + 1] = hi;
                    pc += 5;
                }
                case V128_STORE -> {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (mem == null || ea > mem.length - 16) throw Traps.outOfBounds();
                    int v = fp + code[pc + 2];
                    LONG.set(mem, (int) ea, stack[v]);
                    LONG.set(mem, (int) ea + 8, stack[v + 1]);
                    pc += 4;
                }
                default -> {
                    if (op < Op.SIMD_BASE) return pc;
                    pc = generic(op, code, pc, stack, fp, mem, globals);
                }
            }
        }
    }

    /** One SIMD instruction of any kind, by its {@link SimdShape}; returns the next pc. */
    private static int generic(int op, int[] code, int pc, long[] stack, int fp, byte[] mem, Global[] globals) {
        if (op >= Op.I32X4_SHUFFLE_I) throw new IllegalStateException(Op.name(op) + " runs in the SIMD loop itself");
        if (op >= Op.V128_SHIFT_I) return immediate(op, code, pc, stack, fp);
        if (op >= Op.V128_GLOBAL_GET) return variable(op, code, pc, stack, fp, globals);
        int fd = op - Op.SIMD_BASE;
        switch (SimdShape.OF[fd]) {
            case SimdShape.UNARY -> {
                int a = fp + code[pc + 2];
                long lo = SimdOps.unary(fd, stack[a]);
                long hi = SimdOps.unary(fd, stack[a + 1]);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += 3;
            }
            case SimdShape.BINARY -> {
                int a = fp + code[pc + 2];
                int b = fp + code[pc + 3];
                long lo = SimdOps.binary(fd, stack[a], stack[b]);
                long hi = SimdOps.binary(fd, stack[a + 1], stack[b + 1]);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += 4;
            }
            case SimdShape.SHIFT -> {
                int a = fp + code[pc + 2];
                int s = (int) stack[fp + code[pc + 3]];
                long lo = SimdOps.shift(fd, stack[a], s);
                long hi = SimdOps.shift(fd, stack[a + 1], s);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += 4;
            }
            case SimdShape.BITSELECT -> {
                int a = fp + code[pc + 2];
                int b = fp + code[pc + 3];
                int c = fp + code[pc + 4];
                long lo = (stack[a] & stack[c]) | (stack[b] & ~stack[c]);
                long hi = (stack[a + 1] & stack[c + 1]) | (stack[b + 1] & ~stack[c + 1]);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += 5;
            }
            case SimdShape.WHOLE_UNARY, SimdShape.WHOLE_BINARY -> {
                int a = fp + code[pc + 2];
                boolean binary = SimdShape.OF[fd] == SimdShape.WHOLE_BINARY;
                long aLo = stack[a];
                long aHi = stack[a + 1];
                long bLo = binary ? stack[fp + code[pc + 3]] : 0;
                long bHi = binary ? stack[fp + code[pc + 3] + 1] : 0;
                long lo = SimdOps.wholeLo(fd, aLo, aHi, bLo, bHi);
                long hi = SimdOps.wholeHi(fd, aLo, aHi, bLo, bHi);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += binary ? 4 : 3;
            }
            case SimdShape.TEST -> {
                int a = fp + code[pc + 2];
                stack[fp + code[pc + 1]] = SimdOps.test(fd, stack[a], stack[a + 1]);
                pc += 3;
            }
            case SimdShape.SPLAT -> {
                long half = SimdOps.splat(fd, stack[fp + code[pc + 2]]);
                int d = fp + code[pc + 1];
                stack[d] = half;
                stack[d + 1] = half;
                pc += 3;
            }
            case SimdShape.EXTRACT -> {
                int a = fp + code[pc + 2];
                stack[fp + code[pc + 1]] = SimdOps.extract(fd, stack[a], stack[a + 1], code[pc + 3]);
                pc += 4;
            }
            case SimdShape.REPLACE -> {
                int a = fp + code[pc + 2];
                long x = stack[fp + code[pc + 3]];
                int lane = code[pc + 4];
                long lo = SimdOps.replaceLo(fd, stack[a], lane, x);
                long hi = SimdOps.replaceHi(fd, stack[a + 1], lane, x);
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                pc += 5;
            }
            case SimdShape.SHUFFLE -> {
                int a = fp + code[pc + 2];
                int b = fp + code[pc + 3];
                long aLo = stack[a];
                long aHi = stack[a + 1];
                long bLo = stack[b];
                long bHi = stack[b + 1];
                long maskLo = (code[pc + 4] & MASK32) | ((long) code[pc + 5] << 32);
                long maskHi = (code[pc + 6] & MASK32) | ((long) code[pc + 7] << 32);
                int d = fp + code[pc + 1];
                stack[d] = V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, maskLo);
                stack[d + 1] = V128Lanes.i8x16Shuffle(aLo, aHi, bLo, bHi, maskHi);
                pc += 8;
            }
            case SimdShape.LOAD -> pc = load(op, code, pc, stack, fp, mem);
            case SimdShape.STORE -> pc = store(code, pc, stack, fp, mem);
            case SimdShape.LOAD_LANE, SimdShape.STORE_LANE -> pc = laneAccess(fd, code, pc, stack, fp, mem);
            default -> throw new IllegalStateException("no SIMD handler for " + Op.name(op) + " at " + pc);
        }
        return pc;
    }

    /** Shifts by a constant count ({@link Op#V128_SHIFT_I}) and lane rotations. */
    private static int immediate(int op, int[] code, int pc, long[] stack, int fp) {
        int a = fp + code[pc + 2];
        int n = code[pc + 3];
        long lo = stack[a];
        long hi = stack[a + 1];
        switch (op - Op.V128_SHIFT_I) {
            case 0 -> { lo = V128Shifts.i8x16Shl(lo, n); hi = V128Shifts.i8x16Shl(hi, n); }
            case 1 -> { lo = V128Shifts.i8x16ShrS(lo, n); hi = V128Shifts.i8x16ShrS(hi, n); }
            case 2 -> { lo = V128Shifts.i8x16ShrU(lo, n); hi = V128Shifts.i8x16ShrU(hi, n); }
            case 3 -> { lo = V128Shifts.i16x8Shl(lo, n); hi = V128Shifts.i16x8Shl(hi, n); }
            case 4 -> { lo = V128Shifts.i16x8ShrS(lo, n); hi = V128Shifts.i16x8ShrS(hi, n); }
            case 5 -> { lo = V128Shifts.i16x8ShrU(lo, n); hi = V128Shifts.i16x8ShrU(hi, n); }
            case 6 -> { lo = V128Shifts.i32x4Shl(lo, n); hi = V128Shifts.i32x4Shl(hi, n); }
            case 7 -> { lo = V128Shifts.i32x4ShrS(lo, n); hi = V128Shifts.i32x4ShrS(hi, n); }
            case 8 -> { lo = V128Shifts.i32x4ShrU(lo, n); hi = V128Shifts.i32x4ShrU(hi, n); }
            case 9 -> { lo = V128Shifts.i64x2Shl(lo, n); hi = V128Shifts.i64x2Shl(hi, n); }
            case 10 -> { lo = V128Shifts.i64x2ShrS(lo, n); hi = V128Shifts.i64x2ShrS(hi, n); }
            case 11 -> { lo = V128Shifts.i64x2ShrU(lo, n); hi = V128Shifts.i64x2ShrU(hi, n); }
            case 12 -> { lo = V128Shifts.i32x4Rotr(lo, n); hi = V128Shifts.i32x4Rotr(hi, n); }
            default -> throw new IllegalStateException("no immediate form " + Op.name(op));
        }
        int d = fp + code[pc + 1];
        stack[d] = lo;
        stack[d + 1] = hi;
        return pc + 4;
    }

    /** v128 global.get, global.set (spec 4.4.5) and select (spec 4.4.4). */
    private static int variable(int op, int[] code, int pc, long[] stack, int fp, Global[] globals) {
        switch (op) {
            case Op.V128_GLOBAL_GET -> {
                Global g = globals[code[pc + 2]];
                int d = fp + code[pc + 1];
                stack[d] = g.get();
                stack[d + 1] = g.getHigh();
                return pc + 3;
            }
            case Op.V128_GLOBAL_SET -> {
                int a = fp + code[pc + 2];
                globals[code[pc + 1]].setV128(stack[a], stack[a + 1]);
                return pc + 3;
            }
            case Op.V128_SELECT -> {
                int from = fp + ((int) stack[fp + code[pc + 4]] != 0 ? code[pc + 2] : code[pc + 3]);
                long lo = stack[from];
                long hi = stack[from + 1];
                int d = fp + code[pc + 1];
                stack[d] = lo;
                stack[d + 1] = hi;
                return pc + 5;
            }
            default -> throw new IllegalStateException("no SIMD handler for " + Op.name(op) + " at " + pc);
        }
    }

    /**
     * The effective address (spec 4.4.7): the i32 operand, plus a folded i32.add constant
     * wrapping to 32 bits, plus the offset, in a long so it cannot wrap; it traps unless
     * {@code width} bytes from it are in bounds.
     */
    private static int address(long[] stack, int fp, int a, int add, int offset, byte[] mem, int width) {
        long ea = (((int) stack[fp + a] + add) & MASK32) + (offset & MASK32);
        if (mem == null || ea > mem.length - width) throw Traps.outOfBounds();
        return (int) ea;
    }

    /** v128.load and the extending, splatting and zero-filling loads. */
    private static int load(int op, int[] code, int pc, long[] stack, int fp, byte[] mem) {
        int a = code[pc + 2];
        int add = code[pc + 3];
        int offset = code[pc + 4];
        long lo;
        long hi;
        if (op == V128_LOAD) {
            int ea = address(stack, fp, a, add, offset, mem, 16);
            lo = (long) LONG.get(mem, ea);
            hi = (long) LONG.get(mem, ea + 8);
        } else {
            Opcode wasm = Opcode.prefixed(Opcode.PREFIX_FD, op - Op.SIMD_BASE);
            switch (wasm) {
                case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                    long v = (long) LONG.get(mem, address(stack, fp, a, add, offset, mem, 8));
                    lo = SimdOps.widen(wasm, (int) v);
                    hi = SimdOps.widen(wasm, (int) (v >>> 32));
                }
                case V128_LOAD8_SPLAT -> lo = hi = V128Lanes.i8x16Splat(mem[address(stack, fp, a, add, offset, mem, 1)]);
                case V128_LOAD16_SPLAT -> lo = hi = V128Lanes.i16x8Splat((short) SHORT.get(mem, address(stack, fp, a, add, offset, mem, 2)));
                case V128_LOAD32_SPLAT -> lo = hi = V128Lanes.i32x4Splat((int) INT.get(mem, address(stack, fp, a, add, offset, mem, 4)));
                case V128_LOAD64_SPLAT -> lo = hi = (long) LONG.get(mem, address(stack, fp, a, add, offset, mem, 8));
                case V128_LOAD32_ZERO -> {
                    lo = (int) INT.get(mem, address(stack, fp, a, add, offset, mem, 4)) & MASK32;
                    hi = 0;
                }
                case V128_LOAD64_ZERO -> {
                    lo = (long) LONG.get(mem, address(stack, fp, a, add, offset, mem, 8));
                    hi = 0;
                }
                default -> throw new IllegalStateException("not a v128 load: " + wasm);
            }
        }
        int d = fp + code[pc + 1];
        stack[d] = lo;
        stack[d + 1] = hi;
        return pc + 5;
    }

    private static int store(int[] code, int pc, long[] stack, int fp, byte[] mem) {
        int ea = address(stack, fp, code[pc + 1], 0, code[pc + 3], mem, 16);
        int v = fp + code[pc + 2];
        LONG.set(mem, ea, stack[v]);
        LONG.set(mem, ea + 8, stack[v + 1]);
        return pc + 4;
    }

    /** v128.loadN_lane and v128.storeN_lane: one lane of N bits, the others unchanged. */
    private static int laneAccess(int fd, int[] code, int pc, long[] stack, int fp, byte[] mem) {
        Opcode wasm = Opcode.prefixed(Opcode.PREFIX_FD, fd);
        boolean isLoad = SimdShape.OF[fd] == SimdShape.LOAD_LANE;
        int v = fp + code[pc + (isLoad ? 3 : 2)];
        int offset = code[pc + (isLoad ? 4 : 3)];
        int lane = code[pc + (isLoad ? 5 : 4)];
        int a = code[pc + (isLoad ? 2 : 1)];
        long lo = stack[v];
        long hi = stack[v + 1];
        switch (wasm) {
            case V128_LOAD8_LANE -> {
                int x = mem[address(stack, fp, a, 0, offset, mem, 1)];
                lo = V128Lanes.i8x16ReplaceLaneLo(lo, lane, x);
                hi = V128Lanes.i8x16ReplaceLaneHi(hi, lane, x);
            }
            case V128_LOAD16_LANE -> {
                int x = (short) SHORT.get(mem, address(stack, fp, a, 0, offset, mem, 2));
                lo = V128Lanes.i16x8ReplaceLaneLo(lo, lane, x);
                hi = V128Lanes.i16x8ReplaceLaneHi(hi, lane, x);
            }
            case V128_LOAD32_LANE -> {
                int x = (int) INT.get(mem, address(stack, fp, a, 0, offset, mem, 4));
                lo = V128Lanes.i32x4ReplaceLaneLo(lo, lane, x);
                hi = V128Lanes.i32x4ReplaceLaneHi(hi, lane, x);
            }
            case V128_LOAD64_LANE -> {
                long x = (long) LONG.get(mem, address(stack, fp, a, 0, offset, mem, 8));
                if (lane == 0) lo = x;
                else hi = x;
            }
            case V128_STORE8_LANE -> {
                mem[address(stack, fp, a, 0, offset, mem, 1)] = (byte) V128Lanes.i8x16ExtractLaneU(lo, hi, lane);
                return pc + 5;
            }
            case V128_STORE16_LANE -> {
                SHORT.set(mem, address(stack, fp, a, 0, offset, mem, 2), (short) V128Lanes.i16x8ExtractLaneU(lo, hi, lane));
                return pc + 5;
            }
            case V128_STORE32_LANE -> {
                INT.set(mem, address(stack, fp, a, 0, offset, mem, 4), V128Lanes.i32x4ExtractLane(lo, hi, lane));
                return pc + 5;
            }
            case V128_STORE64_LANE -> {
                LONG.set(mem, address(stack, fp, a, 0, offset, mem, 8), V128Lanes.i64x2ExtractLane(lo, hi, lane));
                return pc + 5;
            }
            default -> throw new IllegalStateException("not a lane access: " + wasm);
        }
        int d = fp + code[pc + 1];
        stack[d] = lo;
        stack[d + 1] = hi;
        return pc + 6;
    }
}
