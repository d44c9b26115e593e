package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.ops.Traps;
import dev.nebula.wasm.TrapException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The interpreter: a hot loop, {@link #run}, that executes the instructions of one frame, and a
 * driver, {@link #execute}, that does what the hot loop leaves to it (calls, returns, rare
 * instructions) on an explicit frame stack, so that calls between interpreted functions, in this
 * instance or another, never recurse on the JVM stack. The Wasm call depth is therefore a counter,
 * checked against {@link dev.nebula.runtime.EngineConfig#maxCallDepth()} on every call (spec
 * 4.4.10 leaves the limit to the implementation; "call stack exhausted" is the suite's text).
 *
 * <p>Why two methods: HotSpot's compiled code keeps no register across a call, so C2 keeps the
 * variables of a loop that contains any call in memory, and a loop with calls to host functions,
 * frame growth and rare instructions can only be such a loop. Split off, the hot loop contains no
 * call at all (only intrinsics, always-inlined VarHandle accesses and the calls that throw traps),
 * pc, fp, stack and code live in registers, and loop-heavy code runs about twice as fast. The cost
 * is one return to the driver and one call back per Wasm call, return or rare instruction.
 *
 * <p>The hot loop must stay under HotSpot's 8000-byte HugeMethodLimit or it is never compiled
 * (HotLoopSizeTest checks), so every rare instruction runs in {@link RareOps}, and the hot ones
 * are written out in full.
 *
 * <p>The JVM stack is used only when Wasm calls out (a host function or another engine) and that
 * code calls back in: each such round trip nests one more {@link #invoke}. A
 * {@link StackOverflowError} there is caught by the innermost loop and becomes a
 * "call stack exhausted" trap, so it never escapes to the embedder.
 */
final class Interpreter {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long MASK32 = 0xFFFF_FFFFL;

    static {
        Traps.load();
    }

    private Interpreter() {
    }

    /**
     * Calls {@code function} from outside the loop (the embedder, a host function, another
     * engine): spec 4.4.10 "invoke". Arguments go to the thread's value stack above whatever a
     * suspended outer run of the loop left there.
     */
    static long[] invoke(InterpretedFunction function, long[] args) {
        Machine m = Machine.current();
        Store store = function.context.store;
        int savedTop = m.top;
        int savedDepth = m.depth;
        int savedStoreDepth = store.callDepth();
        store.enterCall();
        try {
            FunctionCode fc = function.prepare();
            int fp = savedTop;
            long[] stack = m.stack;
            int end = fp + fc.frameSize;
            if (end > stack.length || end < 0) stack = m.growStack(end);
            System.arraycopy(args, 0, stack, fp, fc.paramCount);
            Arrays.fill(stack, fp + fc.paramCount, fp + fc.localCount, 0L);
            int limit = savedDepth + store.config().maxCallDepth() - store.callDepth();
            execute(fc.code, stack, 0, fp, m, function, limit);
            return results(function, m.stack, fp, fc.resultCount);
        } catch (StackOverflowError e) {
            throw Traps.callStackExhausted();
        } finally {
            // Restores exactly rather than counting down: after a StackOverflowError a nested
            // finally may not have run, and the outermost one puts everything right.
            m.top = savedTop;
            m.depth = savedDepth;
            store.addCallDepth(savedStoreDepth - store.callDepth());
            if (savedDepth == 0) m.trim();
        }
    }

    /**
     * Results as the embedding API expects them: i32 sign-extended, f32 bits zero-extended, a v128
     * as two longs, low half first (see Values); {@code count} is in slots.
     */
    private static long[] results(WasmFunction function, long[] stack, int fp, int count) {
        long[] results = new long[count];
        List<ValType> types = function.type().results();
        int i = 0;
        for (ValType t : types) {
            long v = stack[fp + i];
            if (t == ValType.V128) {
                results[i] = v;
                results[i + 1] = stack[fp + i + 1];
                i += 2;
                continue;
            }
            results[i++] = t == ValType.I32 ? (int) v : t == ValType.F32 ? v & MASK32 : v;
        }
        return results;
    }

    /**
     * Runs {@code entry}, whose code is {@code code} and whose frame is set up at {@code fp},
     * from {@code pc} until it returns; its results are then in the first slots of that frame.
     * {@code limit} is the frame-stack depth past which a call exhausts the call stack. Traps
     * leave with the Wasm stack of this run added.
     */
    @SuppressWarnings("fallthrough")
    private static void execute(int[] code, long[] stack, int pc, int fp, Machine m, InterpretedFunction entry, int limit) {
        final int entryDepth = m.depth;
        int depth = entryDepth;
        InterpretedFunction fn = entry;
        InstanceContext ctx = entry.context;
        byte[] mem = ctx.buffer();
        try {
            while (true) {
                pc = run(code, stack, pc, fp, mem, ctx.globals, ctx.store);
                switch (code[pc]) {
                    case Op.RETURN1:
                        stack[fp] = stack[fp + code[pc + 1]];
                        // fall through: the result is in place
                    case Op.RETURN: {
                        if (depth == entryDepth) return;
                        depth--;
                        int[] frames = m.frames;
                        pc = frames[2 * depth];
                        fp = frames[2 * depth + 1];
                        fn = m.callers[depth];
                        m.callers[depth] = null;
                        ctx = fn.context;
                        code = fn.code.code;
                        mem = ctx.buffer();
                        continue;
                    }
                    case Op.CALL:
                    case Op.CALL_INDIRECT: {
                        WasmFunction callee;
                        int next;
                        if (code[pc] == Op.CALL) {
                            callee = ctx.functions[code[pc + 1]];
                            next = pc + 3;
                        } else {
                            callee = Calls.indirect(ctx, code[pc + 1], code[pc + 2], (int) stack[fp + code[pc + 3]]);
                            next = pc + 5;
                        }
                        int base = fp + code[next - 1];
                        if (callee instanceof InterpretedFunction) {
                            // Spec 4.4.10 "invoke" without leaving the loop: the arguments already
                            // are the callee's first locals; zero the rest and switch frames.
                            InterpretedFunction f = (InterpretedFunction) callee;
                            FunctionCode fc = f.code;
                            if (fc == null) fc = f.prepare();
                            if (depth >= limit) throw Traps.callStackExhausted();
                            if (ctx.store.interrupted()) throw Traps.interrupted();
                            if (depth == m.callers.length) m.growFrames();
                            int[] frames = m.frames;
                            frames[2 * depth] = next;
                            frames[2 * depth + 1] = fp;
                            m.callers[depth] = fn;
                            depth++;
                            fp = base;
                            int end = fp + fc.frameSize;
                            if (end > stack.length) stack = m.growStack(end);
                            for (int i = fp + fc.paramCount, e = fp + fc.localCount; i < e; i++) stack[i] = 0L;
                            fn = f;
                            ctx = f.context;
                            code = fc.code;
                            mem = ctx.buffer();
                            pc = 0;
                        } else {
                            Calls.external(callee, m, base, depth, depth - entryDepth, ctx);
                            stack = m.stack;
                            mem = ctx.buffer();
                            pc = next;
                        }
                        continue;
                    }
                    case Op.MEMORY_GROW: {
                        Memory memory = ctx.memory();
                        stack[fp + code[pc + 1]] = memory.grow((int) stack[fp + code[pc + 2]]);
                        mem = memory.buffer();
                        pc += 3;
                        continue;
                    }
                    case Op.GLOBAL_SET:
                        ctx.globals[code[pc + 1]].set(stack[fp + code[pc + 2]]);
                        pc += 3;
                        continue;
                    default:
                        if (code[pc] >= Op.SIMD_BASE) {
                            // A run of SIMD instructions, in their own loop (they never grow memory).
                            pc = SimdInterpreter.run(code, pc, stack, fp, mem, ctx.globals);
                            continue;
                        }
                        // Rare instructions; they may grow memory or run code, so re-read both arrays.
                        pc = RareOps.execute(code, pc, stack, fp, ctx);
                        stack = m.stack;
                        mem = ctx.buffer();
                }
            }
        } catch (TrapException e) {
            TrapException trap = TrapTraces.withStack(e, m, fn, depth, entryDepth);
            m.release(entryDepth, depth);
            throw trap;
        } catch (StackOverflowError e) {
            TrapException trap = TrapTraces.withStack(Traps.callStackExhausted(), m, fn, depth, entryDepth);
            m.release(entryDepth, depth);
            throw trap;
        } catch (Throwable e) {
            // A host function's exception (even a sneaky checked one), or a bug: it passes
            // through unchanged.
            m.release(entryDepth, depth);
            throw e;
        }
    }

    /**
     * The hot loop: runs the instructions of one frame that call no method the JIT would not
     * inline, and returns the pc of the first one it leaves to {@link #execute} (calls, returns,
     * memory.grow, global.set and every rare instruction). HotSpot's compiled code keeps no
     * register across a call, so a loop containing any call would keep pc, fp, stack and code in
     * memory; this one has none and C2 keeps them in registers. The four hottest variables come
     * first because JVM locals 0-3 have one-byte load instructions, which keeps the method small
     * (see the class comment). Traps are thrown from here; {@link #execute} adds the Wasm stack.
     */
    private static int run(int[] code, long[] stack, int pc, int fp, byte[] mem, Global[] globals, Store store) {
        while (true) {
            switch (code[pc]) {
                // ---------------------------------------------------------------- control (spec 4.4.8)
                case Op.UNREACHABLE:
                    throw Traps.unreachable();
                case Op.JUMP:
                    pc = code[pc + 1];
                    break;
                case Op.BR_IF_NZ:
                    pc = (int) stack[fp + code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_IF_Z:
                    pc = (int) stack[fp + code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_I32_EQ:
                    pc = (int) stack[fp + code[pc + 1]] == (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_NE:
                    pc = (int) stack[fp + code[pc + 1]] != (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LT_S:
                    pc = (int) stack[fp + code[pc + 1]] < (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LT_U:
                    pc = (stack[fp + code[pc + 1]] & MASK32) < (stack[fp + code[pc + 2]] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GT_S:
                    pc = (int) stack[fp + code[pc + 1]] > (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GT_U:
                    pc = (stack[fp + code[pc + 1]] & MASK32) > (stack[fp + code[pc + 2]] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LE_S:
                    pc = (int) stack[fp + code[pc + 1]] <= (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LE_U:
                    pc = (stack[fp + code[pc + 1]] & MASK32) <= (stack[fp + code[pc + 2]] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GE_S:
                    pc = (int) stack[fp + code[pc + 1]] >= (int) stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GE_U:
                    pc = (stack[fp + code[pc + 1]] & MASK32) >= (stack[fp + code[pc + 2]] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_EQ_I:
                    pc = (int) stack[fp + code[pc + 1]] == code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_NE_I:
                    pc = (int) stack[fp + code[pc + 1]] != code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LT_S_I:
                    pc = (int) stack[fp + code[pc + 1]] < code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LT_U_I:
                    pc = (stack[fp + code[pc + 1]] & MASK32) < (code[pc + 2] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GT_S_I:
                    pc = (int) stack[fp + code[pc + 1]] > code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GT_U_I:
                    pc = (stack[fp + code[pc + 1]] & MASK32) > (code[pc + 2] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LE_S_I:
                    pc = (int) stack[fp + code[pc + 1]] <= code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_LE_U_I:
                    pc = (stack[fp + code[pc + 1]] & MASK32) <= (code[pc + 2] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GE_S_I:
                    pc = (int) stack[fp + code[pc + 1]] >= code[pc + 2] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I32_GE_U_I:
                    pc = (stack[fp + code[pc + 1]] & MASK32) >= (code[pc + 2] & MASK32) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_EQ:
                    pc = stack[fp + code[pc + 1]] == stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_NE:
                    pc = stack[fp + code[pc + 1]] != stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_LT_S:
                    pc = stack[fp + code[pc + 1]] < stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_LT_U:
                    pc = (stack[fp + code[pc + 1]] ^ Long.MIN_VALUE) < (stack[fp + code[pc + 2]] ^ Long.MIN_VALUE) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_GT_S:
                    pc = stack[fp + code[pc + 1]] > stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_GT_U:
                    pc = (stack[fp + code[pc + 1]] ^ Long.MIN_VALUE) > (stack[fp + code[pc + 2]] ^ Long.MIN_VALUE) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_LE_S:
                    pc = stack[fp + code[pc + 1]] <= stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_LE_U:
                    pc = (stack[fp + code[pc + 1]] ^ Long.MIN_VALUE) <= (stack[fp + code[pc + 2]] ^ Long.MIN_VALUE) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_GE_S:
                    pc = stack[fp + code[pc + 1]] >= stack[fp + code[pc + 2]] ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_GE_U:
                    pc = (stack[fp + code[pc + 1]] ^ Long.MIN_VALUE) >= (stack[fp + code[pc + 2]] ^ Long.MIN_VALUE) ? code[pc + 3] : pc + 4;
                    break;
                case Op.BR_I64_Z:
                    pc = stack[fp + code[pc + 1]] == 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_I64_NZ:
                    pc = stack[fp + code[pc + 1]] != 0 ? code[pc + 2] : pc + 3;
                    break;
                case Op.BR_TABLE: {
                    // Spec 4.4.8 br_table: an index past the labels takes the default (the last entry).
                    long index = stack[fp + code[pc + 1]] & MASK32;
                    int count = code[pc + 2];
                    pc = code[pc + 3 + (index < count ? (int) index : count)];
                    break;
                }

                // ------------------------------------------- parametric and variables (spec 4.4.4, 4.4.5)
                case Op.COPY:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]];
                    pc += 3;
                    continue;
                case Op.COPY2:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]];
                    stack[fp + code[pc + 3]] = stack[fp + code[pc + 4]];
                    pc += 5;
                    continue;
                case Op.CONST32:
                    stack[fp + code[pc + 1]] = code[pc + 2];
                    pc += 3;
                    continue;
                case Op.CONST64:
                    stack[fp + code[pc + 1]] = (code[pc + 2] & MASK32) | ((long) code[pc + 3] << 32);
                    pc += 4;
                    continue;
                case Op.SELECT:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 4]] != 0 ? stack[fp + code[pc + 2]] : stack[fp + code[pc + 3]];
                    pc += 5;
                    continue;
                case Op.GLOBAL_GET:
                    stack[fp + code[pc + 1]] = globals[code[pc + 2]].get();
                    pc += 3;
                    continue;

                // ---------------------------------------------------------------- memory (spec 4.4.7)
                // Spec 4.4.7: the effective address is the unsigned operand plus the unsigned
                // offset, computed in a long so it cannot wrap; out of range traps. A load's
                // operand may carry an i32.add of a constant folded in (wrapping, as i32.add does).
                case Op.I32_LOAD: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (int) INT.get(mem, (int) ea);
                    pc += 5;
                    continue;
                }
                case Op.I64_LOAD: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 8) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (long) LONG.get(mem, (int) ea);
                    pc += 5;
                    continue;
                }
                case Op.F32_LOAD: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (int) INT.get(mem, (int) ea) & MASK32;
                    pc += 5;
                    continue;
                }
                case Op.F64_LOAD: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 8) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (long) LONG.get(mem, (int) ea);
                    pc += 5;
                    continue;
                }
                case Op.I32_LOAD8_S:
                case Op.I64_LOAD8_S: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea >= mem.length) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = mem[(int) ea];
                    pc += 5;
                    continue;
                }
                case Op.I32_LOAD8_U:
                case Op.I64_LOAD8_U: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea >= mem.length) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = mem[(int) ea] & 0xFF;
                    pc += 5;
                    continue;
                }
                case Op.I32_LOAD16_S:
                case Op.I64_LOAD16_S: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 2) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (short) SHORT.get(mem, (int) ea);
                    pc += 5;
                    continue;
                }
                case Op.I32_LOAD16_U:
                case Op.I64_LOAD16_U: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 2) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (short) SHORT.get(mem, (int) ea) & 0xFFFF;
                    pc += 5;
                    continue;
                }
                case Op.I64_LOAD32_S: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (int) INT.get(mem, (int) ea);
                    pc += 5;
                    continue;
                }
                case Op.I64_LOAD32_U: {
                    long ea = (((int) stack[fp + code[pc + 2]] + code[pc + 3]) & MASK32) + (code[pc + 4] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    stack[fp + code[pc + 1]] = (int) INT.get(mem, (int) ea) & MASK32;
                    pc += 5;
                    continue;
                }
                case Op.I32_STORE:
                case Op.F32_STORE:
                case Op.I64_STORE32: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    INT.set(mem, (int) ea, (int) stack[fp + code[pc + 2]]);
                    pc += 4;
                    continue;
                }
                case Op.I64_STORE:
                case Op.F64_STORE: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea > mem.length - 8) throw Traps.outOfBounds();
                    LONG.set(mem, (int) ea, stack[fp + code[pc + 2]]);
                    pc += 4;
                    continue;
                }
                case Op.I32_STORE8:
                case Op.I64_STORE8: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea >= mem.length) throw Traps.outOfBounds();
                    mem[(int) ea] = (byte) stack[fp + code[pc + 2]];
                    pc += 4;
                    continue;
                }
                case Op.I32_STORE16:
                case Op.I64_STORE16: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea > mem.length - 2) throw Traps.outOfBounds();
                    SHORT.set(mem, (int) ea, (short) stack[fp + code[pc + 2]]);
                    pc += 4;
                    continue;
                }
                case Op.I32_STORE_I: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea > mem.length - 4) throw Traps.outOfBounds();
                    INT.set(mem, (int) ea, code[pc + 2]);
                    pc += 4;
                    continue;
                }
                case Op.I64_STORE_I: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea > mem.length - 8) throw Traps.outOfBounds();
                    LONG.set(mem, (int) ea, (long) code[pc + 2]);
                    pc += 4;
                    continue;
                }
                case Op.I32_STORE8_I: {
                    long ea = (stack[fp + code[pc + 1]] & MASK32) + (code[pc + 3] & MASK32);
                    if (ea >= mem.length) throw Traps.outOfBounds();
                    mem[(int) ea] = (byte) code[pc + 2];
                    pc += 4;
                    continue;
                }
                case Op.MEMORY_SIZE:
                    stack[fp + code[pc + 1]] = mem.length / Memory.PAGE_SIZE;
                    pc += 2;
                    continue;

                // ------------------------------------------ i32 (spec 4.4.1, operators 4.3.2)
                case Op.I32_EQZ:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] == 0 ? 1 : 0;
                    pc += 3;
                    continue;
                case Op.I32_EQ:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] == (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_NE:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] != (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LT_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] < (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LT_U:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) < (stack[fp + code[pc + 3]] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GT_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] > (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GT_U:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) > (stack[fp + code[pc + 3]] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LE_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] <= (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LE_U:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) <= (stack[fp + code[pc + 3]] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GE_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >= (int) stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GE_U:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) >= (stack[fp + code[pc + 3]] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_CLZ:
                    stack[fp + code[pc + 1]] = Integer.numberOfLeadingZeros((int) stack[fp + code[pc + 2]]);
                    pc += 3;
                    continue;
                case Op.I32_CTZ:
                    stack[fp + code[pc + 1]] = Integer.numberOfTrailingZeros((int) stack[fp + code[pc + 2]]);
                    pc += 3;
                    continue;
                case Op.I32_POPCNT:
                    stack[fp + code[pc + 1]] = Integer.bitCount((int) stack[fp + code[pc + 2]]);
                    pc += 3;
                    continue;
                case Op.I32_ADD:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] + (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_SUB:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] - (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_MUL:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] * (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_DIV_S: {
                    // Spec 4.3.2 idiv_s: a zero divisor traps, and so does INT_MIN / -1 (2^31 is not an i32).
                    int a = (int) stack[fp + code[pc + 2]];
                    int b = (int) stack[fp + code[pc + 3]];
                    if (b == 0) throw Traps.divideByZero();
                    if (b == -1 && a == Integer.MIN_VALUE) throw Traps.integerOverflow();
                    stack[fp + code[pc + 1]] = a / b;
                    pc += 4;
                    continue;
                }
                case Op.I32_REM_S: {
                    // irem_s: INT_MIN rem -1 is 0, as in Java.
                    int b = (int) stack[fp + code[pc + 3]];
                    if (b == 0) throw Traps.divideByZero();
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] % b;
                    pc += 4;
                    continue;
                }
                case Op.I32_DIV_U: {
                    long b = stack[fp + code[pc + 3]] & MASK32;
                    if (b == 0) throw Traps.divideByZero();
                    stack[fp + code[pc + 1]] = (int) ((stack[fp + code[pc + 2]] & MASK32) / b);
                    pc += 4;
                    continue;
                }
                case Op.I32_REM_U: {
                    long b = stack[fp + code[pc + 3]] & MASK32;
                    if (b == 0) throw Traps.divideByZero();
                    stack[fp + code[pc + 1]] = (int) ((stack[fp + code[pc + 2]] & MASK32) % b);
                    pc += 4;
                    continue;
                }
                case Op.I32_AND:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] & (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_OR:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] | (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_XOR:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] ^ (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_SHL:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] << (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_SHR_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >> (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_SHR_U:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >>> (int) stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I32_ROTL: {
                    // Written out rather than Integer.rotateLeft: C2 stops inlining in a method this big.
                    int x = (int) stack[fp + code[pc + 2]];
                    int n = (int) stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (x << n) | (x >>> -n);
                    pc += 4;
                    continue;
                }

                case Op.I32_ADD_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] + code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_ADD_I2:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] + code[pc + 3];
                    stack[fp + code[pc + 4]] = (int) stack[fp + code[pc + 5]] + code[pc + 6];
                    pc += 7;
                    continue;
                case Op.I32_MUL_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] * code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_AND_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] & code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_OR_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] | code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_XOR_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] ^ code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_SHL_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] << code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_SHR_S_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >> code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_SHR_U_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >>> code[pc + 3];
                    pc += 4;
                    continue;
                case Op.I32_ROTL_I: {
                    int x = (int) stack[fp + code[pc + 2]];
                    int n = code[pc + 3];
                    stack[fp + code[pc + 1]] = (x << n) | (x >>> -n);
                    pc += 4;
                    continue;
                }
                case Op.I64_ADD_I:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] + code[pc + 3];
                    pc += 4;
                    continue;

                case Op.I32_EQ_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] == code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_NE_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] != code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LT_S_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] < code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LT_U_I:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) < (code[pc + 3] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GT_S_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] > code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GT_U_I:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) > (code[pc + 3] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LE_S_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] <= code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_LE_U_I:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) <= (code[pc + 3] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GE_S_I:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]] >= code[pc + 3] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I32_GE_U_I:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] & MASK32) >= (code[pc + 3] & MASK32) ? 1 : 0;
                    pc += 4;
                    continue;

                // ------------------------------------------ i64 (spec 4.4.1, operators 4.3.2)
                case Op.I64_EQZ:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] == 0 ? 1 : 0;
                    pc += 3;
                    continue;
                case Op.I64_EQ:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] == stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I64_NE:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] != stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I64_LT_S:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] < stack[fp + code[pc + 3]] ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I64_LT_U:
                    stack[fp + code[pc + 1]] = (stack[fp + code[pc + 2]] ^ Long.MIN_VALUE) < (stack[fp + code[pc + 3]] ^ Long.MIN_VALUE) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.I64_ROTL: {
                    long x = stack[fp + code[pc + 2]];
                    int n = (int) stack[fp + code[pc + 3]];
                    stack[fp + code[pc + 1]] = (x << n) | (x >>> -n);
                    pc += 4;
                    continue;
                }
                case Op.I64_ADD:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] + stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_SUB:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] - stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_MUL:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] * stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_AND:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] & stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_OR:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] | stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_XOR:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] ^ stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_SHL:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] << stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_SHR_S:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] >> stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;
                case Op.I64_SHR_U:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] >>> stack[fp + code[pc + 3]];
                    pc += 4;
                    continue;

                // ------------------------------------------ conversions (spec 4.3.4)
                case Op.I32_WRAP_I64:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]];
                    pc += 3;
                    continue;
                case Op.I64_EXTEND_I32_S:
                    stack[fp + code[pc + 1]] = (int) stack[fp + code[pc + 2]];
                    pc += 3;
                    continue;
                case Op.I64_EXTEND_I32_U:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] & MASK32;
                    pc += 3;
                    continue;

                // ------------------------------------------ f64 (spec 4.3.3: IEEE 754, round to nearest)
                case Op.F64_ADD:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            + Double.longBitsToDouble(stack[fp + code[pc + 3]]));
                    pc += 4;
                    continue;
                case Op.F64_SUB:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            - Double.longBitsToDouble(stack[fp + code[pc + 3]]));
                    pc += 4;
                    continue;
                case Op.F64_MUL:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            * Double.longBitsToDouble(stack[fp + code[pc + 3]]));
                    pc += 4;
                    continue;
                case Op.F64_DIV:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            / Double.longBitsToDouble(stack[fp + code[pc + 3]]));
                    pc += 4;
                    continue;
                case Op.F64_GT:
                    stack[fp + code[pc + 1]] = Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            > Double.longBitsToDouble(stack[fp + code[pc + 3]]) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.F64_LE:
                    stack[fp + code[pc + 1]] = Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            <= Double.longBitsToDouble(stack[fp + code[pc + 3]]) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.F64_GE:
                    stack[fp + code[pc + 1]] = Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            >= Double.longBitsToDouble(stack[fp + code[pc + 3]]) ? 1 : 0;
                    pc += 4;
                    continue;
                case Op.F64_ABS:
                    // abs and neg touch only the sign bit, NaN payloads included (spec 4.3.3).
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] & 0x7FFF_FFFF_FFFF_FFFFL;
                    pc += 3;
                    continue;
                case Op.F64_NEG:
                    stack[fp + code[pc + 1]] = stack[fp + code[pc + 2]] ^ Long.MIN_VALUE;
                    pc += 3;
                    continue;
                case Op.F64_SQRT:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(Math.sqrt(Double.longBitsToDouble(stack[fp + code[pc + 2]])));
                    pc += 3;
                    continue;
                case Op.F64_CONVERT_I32_S:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits((int) stack[fp + code[pc + 2]]);
                    pc += 3;
                    continue;
                case Op.F64_CONVERT_I32_U:
                    stack[fp + code[pc + 1]] = Double.doubleToRawLongBits(stack[fp + code[pc + 2]] & MASK32);
                    pc += 3;
                    continue;
                case Op.I32_TRUNC_F64_S: {
                    // Spec 4.3.4 trunc_s: NaN is an invalid conversion; outside (-2^31 - 1, 2^31) overflows.
                    double d = Double.longBitsToDouble(stack[fp + code[pc + 2]]);
                    if (d != d) throw Traps.invalidConversion();
                    if (!(d > -2147483649.0 && d < 2147483648.0)) throw Traps.integerOverflow();
                    stack[fp + code[pc + 1]] = (int) d;
                    pc += 3;
                    continue;
                }
                case Op.F64_LT:
                    stack[fp + code[pc + 1]] = Double.longBitsToDouble(stack[fp + code[pc + 2]])
                            < Double.longBitsToDouble(stack[fp + code[pc + 3]]) ? 1 : 0;
                    pc += 4;
                    continue;


                // ------------------------------------------ f32 (spec 4.3.3), in float: never through double
                case Op.F32_ADD:
                    stack[fp + code[pc + 1]] = Float.floatToRawIntBits(Float.intBitsToFloat((int) stack[fp + code[pc + 2]])
                            + Float.intBitsToFloat((int) stack[fp + code[pc + 3]])) & MASK32;
                    pc += 4;
                    continue;
                case Op.F32_SUB:
                    stack[fp + code[pc + 1]] = Float.floatToRawIntBits(Float.intBitsToFloat((int) stack[fp + code[pc + 2]])
                            - Float.intBitsToFloat((int) stack[fp + code[pc + 3]])) & MASK32;
                    pc += 4;
                    continue;
                case Op.F32_MUL:
                    stack[fp + code[pc + 1]] = Float.floatToRawIntBits(Float.intBitsToFloat((int) stack[fp + code[pc + 2]])
                            * Float.intBitsToFloat((int) stack[fp + code[pc + 3]])) & MASK32;
                    pc += 4;
                    continue;
                case Op.F32_DIV:
                    stack[fp + code[pc + 1]] = Float.floatToRawIntBits(Float.intBitsToFloat((int) stack[fp + code[pc + 2]])
                            / Float.intBitsToFloat((int) stack[fp + code[pc + 3]])) & MASK32;
                    pc += 4;
                    continue;
                default:
                    return pc;
            }
            // Branches leave the switch to here (spec 4.4.8: every loop iteration passes a branch
            // back to the loop's start, whose target the translator marks with BACK_EDGE): the
            // embedder's deadline is honoured without a dispatch of its own, at one register
            // compare per branch and one field read per back-edge.
            if (pc >= Op.BACK_EDGE) {
                pc -= Op.BACK_EDGE;
                if (store.interrupted()) throw Traps.interrupted();
            }
        }
    }
}
