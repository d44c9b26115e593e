package dev.nebula.interpreter.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.runtime.ValueSlots;
import dev.nebula.runtime.ops.Traps;
import dev.nebula.validator.ValidatedModule;

import java.util.Arrays;
import java.util.List;

/**
 * Translates one validated function body into the interpreter's register-style code ({@link Op})
 * in a single pass over the bytes.
 *
 * <p>Because validation proved the operand-stack height at every instruction, each operand has a
 * fixed frame slot, and every instruction is emitted with the slots it reads and writes. On top of
 * that the translator:
 * <ul>
 * <li>lets instructions read locals and constants where they are ({@link VirtualStack}), so
 *     {@code local.get}, {@code *.const} and {@code drop} usually emit nothing;</li>
 * <li>writes a result straight into a local when the next instruction is {@code local.set} or
 *     {@code local.tee} of it (the previous instruction's destination is patched);</li>
 * <li>gives binary operators with a constant operand an inline immediate, and stores of a
 *     constant their own form ({@link Fusion});</li>
 * <li>fuses an i32 or i64 comparison or {@code eqz} with the {@code br_if} or {@code if} that
 *     consumes it;</li>
 * <li>folds an {@code i32.add} of a constant into the load that uses its result, and merges two
 *     adds of a constant, or two copies, that follow each other without a label between;</li>
 * <li>resolves every branch to a code index, with the copies of the label's values (spec 4.4.8,
 *     "br") emitted in line; a branch that needs no copies is a bare jump;</li>
 * <li>drops unreachable code.</li>
 * </ul>
 *
 * <p>A v128 takes two slots, low half first, in locals and on the operand stack
 * ({@link LocalSlots}, {@link VirtualStack}); counts of parameters, results and label values are
 * in slots. SIMD instructions are translated by {@link SimdTranslator}.
 */
final class Translator {

    /** Virtual entries beyond this are materialised, so the scans of {@link VirtualStack#refersTo} stay short. */
    private static final int MAX_VIRTUALS = 32;
    /** A frame larger than this (locals plus operands, in slots) cannot run: calling it exhausts the stack. */
    private static final long MAX_FRAME_SLOTS = 16L * 1024 * 1024;

    private final DecodedModule module;
    private final int maxStackHeight;
    private final int paramCount;
    private final int localCount;
    private final int resultCount;
    private final List<ValType> resultTypes;
    private final LocalSlots locals;
    private final List<GlobalType> globals;
    final VirtualStack stack;

    private int[] code = new int[64];
    private int length;
    /** Start of the last instruction if it wrote one result into a fresh operand slot, else -1. */
    private int lastStart = -1;
    private int lastOp;
    /** Whether the last instruction's result is a v128 (it writes its destination slot and the next). */
    private boolean lastWide;
    /** Position of the last instruction's destination operand, and its two source operands. */
    private int lastDst;
    private int lastA;
    private int lastB;
    /** Whether the last instruction is the second half of an I32_ADD_I2 (undoing it splits the pair). */
    private boolean lastMerged;
    /** Start of the last instruction if it is a plain I32_ADD_I that a following one may join, else -1. */
    private int lastAdd = -1;
    /** Start of the last instruction if it is a plain COPY that may merge with a following one, else -1. */
    private int lastCopy = -1;

    private ControlFrame[] frames = new ControlFrame[8];
    private int frameCount;
    private boolean reachable = true;

    private Translator(ValidatedModule validated, int functionIndex) {
        this.module = validated.module();
        this.maxStackHeight = validated.maxStackHeight(functionIndex);
        FuncType type = module.functionType(functionIndex);
        FunctionBody body = module.bodies().get(functionIndex - module.importedFunctionCount());
        this.locals = new LocalSlots(type.params(), body);
        this.globals = module.allGlobals();
        this.paramCount = ValueSlots.count(type.params());
        long slots = locals.slotCount();
        if (slots + maxStackHeight > MAX_FRAME_SLOTS) throw Traps.callStackExhausted();
        this.localCount = (int) slots;
        this.resultTypes = type.results();
        this.resultCount = ValueSlots.count(resultTypes);
        this.stack = new VirtualStack(localCount);
    }

    /** Translates function {@code functionIndex} (an index in the whole function index space). */
    static FunctionCode translate(ValidatedModule validated, int functionIndex) {
        return new Translator(validated, functionIndex).run(functionIndex);
    }

    private FunctionCode run(int functionIndex) {
        FunctionBody body = module.bodies().get(functionIndex - module.importedFunctionCount());
        CodeReader reader = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        pushFrame(ControlFrame.FUNCTION, 0, List.of(), resultTypes);
        while (frameCount > 0) {
            Opcode op = reader.next();
            if (reachable) instruction(op, reader);
            else unreachableInstruction(op, reader);
        }
        int operands = Math.max(maxStackHeight, stack.maxHeight());
        return new FunctionCode(Arrays.copyOf(code, length), paramCount, localCount, localCount + operands + 1, resultCount);
    }

    // ------------------------------------------------------------------ instructions

    private void instruction(Opcode op, CodeReader r) {
        switch (op) {
            case UNREACHABLE -> {
                emit(Op.UNREACHABLE);
                reachable = false;
            }
            case NOP -> { }
            case BLOCK, LOOP, IF -> enterBlock(op, r);
            case ELSE -> elseInstruction();
            case END -> endInstruction();
            case BR -> {
                branch(r.index());
                reachable = false;
            }
            case BR_IF -> branchIf(r.index());
            case BR_TABLE -> branchTable(r);
            case RETURN -> {
                emitReturn();
                reachable = false;
            }
            case CALL -> call(r.index());
            case CALL_INDIRECT -> callIndirect(r.index(), r.secondIndex());
            case DROP -> stack.pop(stack.isHigh(top()) ? 2 : 1);
            case SELECT -> select(stack.isHigh(top() - 1));
            case SELECT_T -> select(r.selectType(0) == ValType.V128);
            case LOCAL_GET -> {
                if (stack.virtuals() >= MAX_VIRTUALS) materialize(0, stack.height());
                int local = r.index();
                if (locals.isV128(local)) stack.pushLocal128(locals.slot(local));
                else stack.pushLocal(locals.slot(local));
            }
            case LOCAL_SET, LOCAL_TEE -> {
                int local = r.index();
                if (locals.isV128(local)) localSet128(locals.slot(local), op == Opcode.LOCAL_TEE);
                else localSet(locals.slot(local), op == Opcode.LOCAL_TEE);
            }
            case GLOBAL_GET -> {
                if (globals.get(r.index()).valType() == ValType.V128) {
                    emitResult128(Op.V128_GLOBAL_GET, stack.pushSlot128(), r.index());
                } else {
                    emitResult(Op.GLOBAL_GET, stack.pushSlot(), r.index());
                }
            }
            case GLOBAL_SET -> {
                if (globals.get(r.index()).valType() == ValType.V128) {
                    int a = operand128(top() - 1);
                    stack.pop(2);
                    emit(Op.V128_GLOBAL_SET, r.index(), a);
                } else {
                    int a = operand(top());
                    stack.pop();
                    emit(Op.GLOBAL_SET, r.index(), a);
                }
            }
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> pushConst(r.value());
            case REF_NULL -> pushConst(0);
            case REF_IS_NULL -> unary(Op.I64_EQZ);
            case REF_FUNC -> emitResult(Op.REF_FUNC, stack.pushSlot(), r.index());
            case MEMORY_SIZE -> emitResult(Op.MEMORY_SIZE, stack.pushSlot());
            case MEMORY_GROW -> unary(Op.MEMORY_GROW);
            case TABLE_GET -> {
                int a = operand(top());
                stack.pop();
                emit(Op.TABLE_GET, stack.pushSlot(), r.index(), a);
            }
            case TABLE_SET -> {
                int b = operand(top());
                int a = operand(top() - 1);
                stack.pop(2);
                emit(Op.TABLE_SET, r.index(), a, b);
            }
            case TABLE_SIZE -> emit(Op.TABLE_SIZE, stack.pushSlot(), r.index());
            case TABLE_GROW -> {
                int b = operand(top());
                int a = operand(top() - 1);
                stack.pop(2);
                emit(Op.TABLE_GROW, stack.pushSlot(), r.index(), a, b);
            }
            case TABLE_FILL -> threeOperands(Op.TABLE_FILL, r.index(), -1);
            case TABLE_COPY -> threeOperands(Op.TABLE_COPY, r.index(), r.secondIndex());
            case TABLE_INIT -> threeOperands(Op.TABLE_INIT, r.index(), r.secondIndex());
            case ELEM_DROP -> emit(Op.ELEM_DROP, r.index());
            case MEMORY_INIT -> threeOperands(Op.MEMORY_INIT, r.index(), -1);
            case DATA_DROP -> emit(Op.DATA_DROP, r.index());
            case MEMORY_COPY -> threeOperands(Op.MEMORY_COPY, -1, -1);
            case MEMORY_FILL -> threeOperands(Op.MEMORY_FILL, -1, -1);
            default -> fixedSignature(op, r);
        }
    }

    /** Loads, stores, numeric instructions, and SIMD. */
    private void fixedSignature(Opcode op, CodeReader r) {
        if (op.prefix() == Opcode.PREFIX_FD) {
            SimdTranslator.translate(this, op, r);
            return;
        }
        int internal = Op.fromWasm(op);
        if (internal == Op.I64_REINTERPRET_F64 || internal == Op.F64_REINTERPRET_I64) {
            // The same 64 bits either way: a plain copy (which often disappears into a local.set).
            int a = operand(top());
            stack.pop();
            emitResult(Op.COPY, stack.pushSlot(), a);
        } else if (internal >= Op.NUM) {
            if (op.popCount() == 1) unary(internal);
            else binary(internal);
        } else if (internal >= Op.MEM) {
            int offset = (int) r.offset();
            if (op.pushCount() == 1) {
                int p = top();
                int a;
                int add = 0;
                if (lastWrote(p) && lastOp == Op.I32_ADD_I) {
                    // address = x + c just computed for this load alone: fold the add into it.
                    a = lastA;
                    add = lastB;
                    undoLast();
                } else {
                    a = operand(p);
                }
                stack.pop();
                emitResult(internal, stack.pushSlot(), a, add, offset);
            } else {
                int p = top();
                int immediateStore = storeOfConstant(internal, p);
                if (immediateStore >= 0) {
                    int a = operand(p - 1);
                    int value = (int) stack.value(p);
                    stack.pop(2);
                    emit(immediateStore, a, value, offset);
                } else {
                    int b = operand(p);
                    int a = operand(p - 1);
                    stack.pop(2);
                    emit(internal, a, b, offset);
                }
            }
        } else {
            throw new IllegalStateException("the interpreter has no translation for " + op);
        }
    }

    /** The store-a-constant form of store {@code op} when position {@code p} holds a constant that fits it, else -1. */
    private int storeOfConstant(int op, int p) {
        if (stack.kind(p) != VirtualStack.CONST) return -1;
        long v = stack.value(p);
        return switch (op) {
            case Op.I32_STORE -> Op.I32_STORE_I;
            case Op.I32_STORE8, Op.I64_STORE8 -> Op.I32_STORE8_I;
            case Op.I64_STORE -> v == (int) v ? Op.I64_STORE_I : -1;
            default -> -1;
        };
    }

    /** Inside dead code only the block structure matters (spec 3.3.5 lets it be anything valid). */
    private void unreachableInstruction(Opcode op, CodeReader r) {
        switch (op) {
            case BLOCK, LOOP, IF -> pushFrame(ControlFrame.BLOCK, stack.height(), List.of(), List.of()).reachableAtEntry = false;
            case ELSE -> {
                if (frames[frameCount - 1].reachableAtEntry) elseInstruction();
            }
            case END -> {
                if (frames[frameCount - 1].reachableAtEntry) endInstruction();
                else frameCount--;
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------ blocks and branches

    private void enterBlock(Opcode op, CodeReader r) {
        List<ValType> params;
        List<ValType> results;
        int bt = r.blockType();
        if (bt == CodeReader.BLOCK_EMPTY) {
            params = List.of();
            results = List.of();
        } else if (bt == CodeReader.BLOCK_VALUE) {
            params = List.of();
            results = List.of(r.blockValueType());
        } else {
            FuncType t = module.types().get(bt);
            params = t.params();
            results = t.results();
        }
        int paramSlots = ValueSlots.count(params);
        if (op == Opcode.IF) {
            // Labels need every value in its canonical slot; the condition is consumed first.
            materialize(0, stack.height() - 1);
            int fixup = branchOnTop(true);
            ControlFrame f = pushFrame(ControlFrame.IF, stack.height() - paramSlots, params, results);
            f.elseFixup = fixup;
        } else {
            materialize(0, stack.height());
            ControlFrame f = pushFrame(op == Opcode.LOOP ? ControlFrame.LOOP : ControlFrame.BLOCK,
                    stack.height() - paramSlots, params, results);
            if (op == Opcode.LOOP) f.target = length;
        }
        forgetLast();
    }

    private void elseInstruction() {
        ControlFrame f = frames[frameCount - 1];
        if (reachable) {
            materialize(f.base, stack.height());
            emit(Op.JUMP, -1);
            f.addFixup(length - 1);
        }
        code[f.elseFixup] = length;
        f.elseFixup = -1;
        f.kind = ControlFrame.ELSE;
        stack.resetTo(f.base, f.paramTypes);
        reachable = true;
        forgetLast();
    }

    private void endInstruction() {
        ControlFrame f = frames[--frameCount];
        if (f.kind == ControlFrame.FUNCTION) {
            if (reachable) emitReturn();
            return;
        }
        if (reachable) materialize(f.base, stack.height());
        // An if without else: when false, its parameters pass through as its results (spec 3.3.8.5).
        if (f.elseFixup >= 0) code[f.elseFixup] = length;
        f.patchFixups(code, length);
        stack.resetTo(f.base, f.resultTypes);
        reachable = true;
        forgetLast();
    }

    private ControlFrame label(int depth) {
        return frames[frameCount - 1 - depth];
    }

    /** br: copy the label's values to its slots, then jump (or return, for the function's label). */
    private void branch(int depth) {
        ControlFrame f = label(depth);
        if (f.kind == ControlFrame.FUNCTION) {
            emitReturn();
            return;
        }
        copyToLabel(f);
        emit(Op.JUMP, -1);
        bindTarget(f, length - 1);
    }

    private void branchIf(int depth) {
        ControlFrame f = label(depth);
        int arity = f.arity();
        int values = stack.height() - 1 - arity;
        // The carried values must be settled on the path that does not branch too, as the code
        // after the br_if relies on what the translator believes about them.
        materialize(values, stack.height() - 1);
        if (f.kind != ControlFrame.FUNCTION && (arity == 0 || values == f.base)) {
            bindTarget(f, branchOnTop(false));
        } else {
            int skip = branchOnTop(true);
            branch(depth);
            code[skip] = length;
            forgetLast();
        }
    }

    private void branchTable(CodeReader r) {
        int count = r.labelCount();
        int[] labels = r.labelsCopy();
        int arity = label(labels[count]).arity();
        materialize(stack.height() - 1 - arity, stack.height() - 1);
        int index = operand(top());
        stack.pop();
        emit(Op.BR_TABLE, index, count);
        int table = length;
        for (int i = 0; i <= count; i++) emitInt(-1);
        forgetLast();
        int values = stack.height() - arity;
        int[] stubs = null; // by label depth: a stub's code index, 0 for none yet (never a stub's index)
        for (int i = 0; i <= count; i++) {
            ControlFrame f = label(labels[i]);
            if (f.kind != ControlFrame.FUNCTION && (arity == 0 || values == f.base)) {
                bindTarget(f, table + i);
                continue;
            }
            // Copies are needed: branch through a stub placed after the table (dead fall-through
            // space), one per distinct label.
            if (stubs == null) stubs = new int[frameCount];
            if (stubs[labels[i]] == 0) {
                stubs[labels[i]] = length;
                branch(labels[i]);
            }
            code[table + i] = stubs[labels[i]];
        }
        reachable = false;
    }

    /** Copies the top {@code arity} values to the label's slots, reading virtual entries where they are. */
    private void copyToLabel(ControlFrame f) {
        int arity = f.arity();
        int from = stack.height() - arity;
        for (int j = 0; j < arity; j++) {
            int p = from + j;
            int destination = stack.slot(f.base + j);
            switch (stack.kind(p)) {
                case VirtualStack.LOCAL -> emitCopy(destination, (int) stack.value(p));
                case VirtualStack.CONST -> emitConst(destination, stack.value(p));
                default -> {
                    // destination <= source, so copying upward never overwrites a value still to copy.
                    if (stack.slot(p) != destination) emitCopy(destination, stack.slot(p));
                }
            }
        }
    }

    private void bindTarget(ControlFrame f, int position) {
        if (f.kind == ControlFrame.LOOP) code[position] = f.target | Op.BACK_EDGE;
        else f.addFixup(position);
    }

    /**
     * Pops the i32 on top and emits a jump taken when it is non-zero ({@code whenZero} false) or
     * zero; returns the position of the jump's target operand, for the caller to fill in. A
     * comparison or eqz just emitted for this value is folded into the jump.
     */
    private int branchOnTop(boolean whenZero) {
        int p = top();
        if (lastWrote(p)) {
            int fused = Fusion.branch(lastOp, whenZero);
            if (fused >= 0) {
                int a = lastA;
                int b = lastB;
                undoLast();
                stack.pop();
                emit(fused, a, b, -1);
                return length - 1;
            }
            if (lastOp == Op.I32_EQZ || lastOp == Op.I64_EQZ) {
                int a = lastA;
                undoLast();
                stack.pop();
                int jump = lastOp == Op.I32_EQZ ? (whenZero ? Op.BR_IF_NZ : Op.BR_IF_Z) : (whenZero ? Op.BR_I64_NZ : Op.BR_I64_Z);
                emit(jump, a, -1);
                return length - 1;
            }
        }
        int c = operand(p);
        stack.pop();
        emit(whenZero ? Op.BR_IF_Z : Op.BR_IF_NZ, c, -1);
        return length - 1;
    }

    /**
     * return (spec 4.4.8): the results go to the frame's first slots, where the caller left the
     * arguments and now expects the results. Sources lie at or above their destinations, so an
     * upward copy is safe.
     */
    private void emitReturn() {
        if (resultCount == 1) {
            // One result is read where it is: a local, a constant, or its operand slot.
            int p = top();
            switch (stack.kind(p)) {
                case VirtualStack.LOCAL -> {
                    if (stack.value(p) == 0) emit(Op.RETURN);
                    else emit(Op.RETURN1, (int) stack.value(p));
                }
                case VirtualStack.CONST -> {
                    emitConst(0, stack.value(p));
                    emit(Op.RETURN);
                }
                default -> {
                    if (stack.slot(p) == 0) emit(Op.RETURN);
                    else emit(Op.RETURN1, stack.slot(p));
                }
            }
            return;
        }
        int from = stack.height() - resultCount;
        materialize(from, stack.height());
        int source = stack.slot(from);
        if (resultCount == 0 || source == 0) {
            emit(Op.RETURN);
        } else if (resultCount == 1) {
            emit(Op.RETURN1, source);
        } else {
            for (int j = 0; j < resultCount; j++) emitCopy(j, source + j);
            emit(Op.RETURN);
        }
    }

    private ControlFrame pushFrame(int kind, int base, List<ValType> params, List<ValType> results) {
        if (frameCount == frames.length) frames = Arrays.copyOf(frames, frameCount * 2);
        ControlFrame f = frames[frameCount];
        if (f == null) frames[frameCount] = f = new ControlFrame();
        f.reset(kind, base, params, results, reachable);
        frameCount++;
        return f;
    }

    // ------------------------------------------------------------------ calls

    /** The arguments become the callee's first locals where they stand, so they must be in their slots. */
    private void call(int function) {
        FuncType type = module.functionType(function);
        int params = ValueSlots.count(type.params());
        int first = stack.height() - params;
        materialize(first, stack.height());
        int base = stack.slot(first);
        stack.pop(params);
        emit(Op.CALL, function, base);
        pushResults(type.results());
    }

    private void callIndirect(int typeIndex, int table) {
        FuncType type = module.types().get(typeIndex);
        int params = ValueSlots.count(type.params());
        int first = stack.height() - 1 - params;
        materialize(first, stack.height() - 1);
        int index = operand(top());
        stack.pop();
        int base = stack.slot(first);
        stack.pop(params);
        emit(Op.CALL_INDIRECT, typeIndex, table, index, base);
        pushResults(type.results());
    }

    private void pushResults(List<ValType> types) {
        for (ValType t : types) {
            if (t == ValType.V128) stack.pushSlot128();
            else stack.pushSlot();
        }
    }

    // ------------------------------------------------------------------ variables and operands

    int top() {
        return stack.height() - 1;
    }

    private void pushConst(long bits) {
        if (stack.virtuals() >= MAX_VIRTUALS) materialize(0, stack.height());
        stack.pushConst(bits);
    }

    void pushConst128(long lo, long hi) {
        if (stack.virtuals() >= MAX_VIRTUALS - 1) materialize(0, stack.height());
        stack.pushConst128(lo, hi);
    }

    /**
     * local.set / local.tee. When the value was just computed into a fresh slot, the instruction
     * that computed it is made to write the local instead, unless an earlier virtual entry still
     * has to read the local's old value.
     */
    private void localSet(int local, boolean tee) {
        int p = top();
        boolean referenced = stack.refersTo(local, p);
        if (!referenced && lastWrote(p)) {
            code[lastDst] = local;
            lastStart = -1; // no longer writes the operand slot; an add may still join it (lastAdd)
            if (tee) stack.retargetTop(local);
            else stack.pop();
            return;
        }
        if (referenced) {
            for (int q = 0; q < p; q++) {
                if (stack.kind(q) == VirtualStack.LOCAL && stack.value(q) == local) materialize(q, q + 1);
            }
        }
        switch (stack.kind(p)) {
            case VirtualStack.LOCAL -> {
                if (stack.value(p) != local) emitCopy(local, (int) stack.value(p));
            }
            case VirtualStack.CONST -> emitConst(local, stack.value(p));
            default -> emitCopy(local, stack.slot(p));
        }
        if (!tee) stack.pop();
    }

    /**
     * local.set / local.tee of a v128 local at slots {@code local}, {@code local + 1}: the scalar
     * rule for both halves, and a v128 result just computed is written straight into the local.
     */
    private void localSet128(int local, boolean tee) {
        int p = top() - 1;
        boolean referenced = stack.refersTo(local, p) || stack.refersTo(local + 1, p);
        if (!referenced && lastWrote128(p)) {
            code[lastDst] = local;
            lastStart = -1;
            stack.pop(2);
            if (tee) stack.pushLocal128(local);
            return;
        }
        if (referenced) {
            for (int q = 0; q < p; q++) {
                if (stack.kind(q) == VirtualStack.LOCAL && (stack.value(q) == local || stack.value(q) == local + 1)) {
                    materialize(q, q + 1);
                }
            }
        }
        for (int half = 0; half < 2; half++) {
            int q = p + half;
            switch (stack.kind(q)) {
                case VirtualStack.LOCAL -> {
                    if (stack.value(q) != local + half) emitCopy(local + half, (int) stack.value(q));
                }
                case VirtualStack.CONST -> emitConst(local + half, stack.value(q));
                default -> emitCopy(local + half, stack.slot(q));
            }
        }
        if (!tee) stack.pop(2);
    }

    /**
     * The first of two consecutive slots holding the v128 at positions {@code p} (low half) and
     * {@code p + 1}: a v128 local where it is, else the canonical slots (materialised first).
     */
    int operand128(int p) {
        if (stack.kind(p) == VirtualStack.LOCAL && stack.kind(p + 1) == VirtualStack.LOCAL
                && stack.value(p + 1) == stack.value(p) + 1) {
            return (int) stack.value(p);
        }
        materialize(p, p + 2);
        return stack.slot(p);
    }

    /** The slot an instruction reads position {@code p} from; a constant is written to its slot first. */
    int operand(int p) {
        return switch (stack.kind(p)) {
            case VirtualStack.LOCAL -> (int) stack.value(p);
            case VirtualStack.CONST -> {
                materialize(p, p + 1);
                yield stack.slot(p);
            }
            default -> stack.slot(p);
        };
    }

    /** Writes the virtual entries in positions {@code from .. to-1} to their canonical slots. */
    private void materialize(int from, int to) {
        if (stack.virtuals() == 0) return;
        for (int p = Math.max(from, 0); p < to; p++) {
            switch (stack.kind(p)) {
                case VirtualStack.LOCAL -> emitResult(Op.COPY, stack.slot(p), (int) stack.value(p));
                case VirtualStack.CONST -> emitConst(stack.slot(p), stack.value(p));
                default -> {
                    continue;
                }
            }
            stack.settle(p);
        }
    }

    private void unary(int op) {
        int a = operand(top());
        stack.pop();
        emitResult(op, stack.pushSlot(), a);
    }

    private void binary(int op) {
        int p = top();
        if (stack.kind(p) == VirtualStack.CONST && withImmediate(op, p - 1, stack.value(p), false)) return;
        if (stack.kind(p - 1) == VirtualStack.CONST && stack.kind(p) != VirtualStack.CONST
                && withImmediate(op, p, stack.value(p - 1), true)) {
            return;
        }
        int b = operand(top());
        int a = operand(top() - 1);
        stack.pop(2);
        emitResult(op, stack.pushSlot(), a, b);
    }

    /** Emits {@code op} on the value at {@code p} and the constant {@code c}, if it has an immediate form. */
    private boolean withImmediate(int op, int p, long c, boolean constantOnLeft) {
        int form = Fusion.immediateForm(op, constantOnLeft);
        if (form < 0) return false;
        long imm = Fusion.immediate(op, c);
        if (imm == Fusion.NONE) return false;
        int a = operand(p);
        stack.pop(2);
        emitResult(form, stack.pushSlot(), a, (int) imm);
        return true;
    }

    private void select(boolean v128) {
        if (v128) {
            int c = operand(top());
            int b = operand128(top() - 2);
            int a = operand128(top() - 4);
            stack.pop(5);
            emitResult128(Op.V128_SELECT, stack.pushSlot128(), a, b, c);
            return;
        }
        int c = operand(top());
        int b = operand(top() - 1);
        int a = operand(top() - 2);
        stack.pop(3);
        emitResult(Op.SELECT, stack.pushSlot(), a, b, c);
    }

    /** Instructions that pop three operands and push nothing, with up to two immediates before them. */
    private void threeOperands(int op, int first, int second) {
        int c = operand(top());
        int b = operand(top() - 1);
        int a = operand(top() - 2);
        stack.pop(3);
        emit(op);
        if (first >= 0) emitInt(first);
        if (second >= 0) emitInt(second);
        emitInt(a);
        emitInt(b);
        emitInt(c);
    }

    // ------------------------------------------------------------------ emitting

    /** A copy; two in a row, with no label between, become one COPY2. */
    private void emitCopy(int destination, int source) {
        if (lastCopy >= 0 && lastCopy + 3 == length) {
            code[lastCopy] = Op.COPY2;
            emitInt(destination);
            emitInt(source);
            forgetLast();
            return;
        }
        emit(Op.COPY, destination, source);
        lastCopy = length - 3;
    }

    private void emitConst(int destination, long bits) {
        if (bits == (int) bits) emitResult(Op.CONST32, destination, (int) bits);
        else emitResult(Op.CONST64, destination, (int) bits, (int) (bits >>> 32));
    }

    void emitInt(int value) {
        if (length == code.length) {
            // An implementation limit (spec appendix A.2): branch targets keep bit 30 for Op.BACK_EDGE.
            if (length >= Op.BACK_EDGE / 2) throw new UnsupportedFeatureException("function too large for the interpreter's code form");
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = value;
    }

    void emit(int op, int... operands) {
        forgetLast();
        emitInt(op);
        for (int operand : operands) emitInt(operand);
    }

    /**
     * Emits an instruction whose first operand is the one slot it writes, after reading all its
     * inputs; it stays open to the rewrites of {@link #lastWrote} until the next emit or label.
     * Two i32.add of a constant in a row (loop counters, pointer steps) become one I32_ADD_I2.
     */
    void emitResult(int op, int... operands) {
        int start;
        if (op == Op.I32_ADD_I && lastAdd >= 0 && lastAdd + 4 == length) {
            start = lastAdd;
            code[start] = Op.I32_ADD_I2;
            for (int operand : operands) emitInt(operand);
            forgetLast();
            lastMerged = true;
            lastDst = start + 4;
        } else {
            start = length;
            emit(op, operands);
            lastMerged = false;
            lastDst = start + 1;
            if (op == Op.I32_ADD_I) lastAdd = start;
        }
        lastStart = start;
        lastOp = op;
        lastWide = false;
        lastA = operands.length > 1 ? operands[1] : 0;
        lastB = operands.length > 2 ? operands[2] : 0;
    }

    /** {@link #emitResult} for an instruction whose result is a v128: it writes its destination slot and the next. */
    void emitResult128(int op, int... operands) {
        int start = length;
        emit(op, operands);
        lastMerged = false;
        lastDst = start + 1;
        lastStart = start;
        lastOp = op;
        lastWide = true;
        lastA = operands.length > 1 ? operands[1] : 0;
        lastB = operands.length > 2 ? operands[2] : 0;
    }

    /** Whether the last instruction just wrote operand position {@code p}'s slot, and nothing came after it. */
    boolean lastWrote(int p) {
        return !lastWide && stack.kind(p) == VirtualStack.SLOT && lastStart >= 0 && code[lastDst] == stack.slot(p);
    }

    /** Whether the last instruction just wrote the v128 at positions {@code p}, {@code p + 1}, and nothing came after it. */
    private boolean lastWrote128(int p) {
        return lastWide && stack.kind(p) == VirtualStack.SLOT && stack.kind(p + 1) == VirtualStack.SLOT
                && lastStart >= 0 && code[lastDst] == stack.slot(p);
    }

    /** The last instruction's op, first source operand and second source operand (for folding into a load). */
    int lastOp() {
        return lastOp;
    }

    int lastA() {
        return lastA;
    }

    int lastB() {
        return lastB;
    }

    /** Takes the last instruction back out of the code, to emit a fused form of it instead. */
    void undoLast() {
        if (lastMerged) {
            code[lastStart] = Op.I32_ADD_I;
            length = lastStart + 4;
        } else {
            length = lastStart;
        }
        forgetLast();
    }

    /** Nothing emitted so far may be rewritten any more: a label, or an instruction that is not rewritable. */
    private void forgetLast() {
        lastStart = -1;
        lastCopy = -1;
        lastAdd = -1;
    }
}
