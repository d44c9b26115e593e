package dev.nebula.validator;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.InvalidModuleException;

import java.util.Arrays;

/**
 * Validates one function body (spec 3.3 instructions, 3.4.1 functions) with the algorithm of
 * the spec's appendix 4.11: one pass over the code, an operand type stack and a control stack.
 * Instructions with a fixed signature in the shared {@link Opcode} table are typed from it;
 * the rest are typed case by case here. On success it returns the function's deepest operand
 * stack, the one fact engines take from validation (see {@link ValidatedModule#maxStackHeight}).
 */
final class FunctionValidator {

    private static final int I32 = ValType.I32.ordinal();
    private static final int FUNCREF = ValType.FUNCREF.ordinal();
    private static final int[] NONE = new int[0];
    private static final int[][] SINGLE = new int[ValType.values().length][];

    static {
        for (ValType t : ValType.values()) SINGLE[t.ordinal()] = new int[] {t.ordinal()};
    }

    private final ModuleContext context;
    private final TypeStacks stacks = new TypeStacks();
    private int[] paramTypes;
    private FunctionBody body;
    private long localCount;
    /** Local types by index when there are at most {@link #EXPANDED_LOCALS_LIMIT}; else looked up in the body's runs. */
    private int[] localTypes;
    private static final int EXPANDED_LOCALS_LIMIT = 4096;

    FunctionValidator(ModuleContext context) {
        this.context = context;
    }

    int validate(int functionIndex, FunctionBody body) {
        int typeIndex = context.functionTypeIndex(functionIndex);
        this.paramTypes = context.typeParams[typeIndex];
        this.body = body;
        this.localCount = paramTypes.length + body.localCount();
        this.localTypes = localCount <= EXPANDED_LOCALS_LIMIT ? expandLocals(body) : null;
        stacks.reset();
        byte[] bytes = context.module.bytesUnsafe();
        CodeReader code = new CodeReader(bytes, body.codeStart(), body.codeEnd());
        stacks.pushFrame(Opcode.BLOCK.code(), NONE, context.typeResults[typeIndex]);
        try {
            while (stacks.frameCount() > 0) {
                instruction(code.next(), code);
            }
        } catch (TypeStacks.TypeError e) {
            throw new InvalidModuleException(e.getMessage(), functionIndex, code.instructionStart(),
                    context.module.describeFunction(functionIndex));
        }
        return stacks.maxOperandCount();
    }

    private static TypeStacks.TypeError error(String message) {
        return new TypeStacks.TypeError(message);
    }

    private void instruction(Opcode op, CodeReader code) {
        if (op.hasFixedSignature()) {
            if (op.immediate() != Immediate.NONE) checkImmediates(op, code);
            for (int i = op.popCount() - 1; i >= 0; i--) stacks.pop(op.pop(i));
            for (int i = 0; i < op.pushCount(); i++) stacks.push(op.push(i));
            return;
        }
        switch (op) {
            case UNREACHABLE -> stacks.markUnreachable();
            case BLOCK, LOOP -> openBlock(op, blockParams(code), blockResults(code));
            case IF -> {
                int[] params = blockParams(code);
                int[] results = blockResults(code);
                stacks.pop(I32);
                openBlock(op, params, results);
            }
            case ELSE -> {
                if (stacks.topOpcode() != Opcode.IF.code()) throw error("else without if");
                int[] params = stacks.topStartTypes();
                int[] results = stacks.topEndTypes();
                stacks.popFrame();
                stacks.pushFrame(Opcode.ELSE.code(), params, results);
            }
            case END -> {
                int opcode = stacks.topOpcode();
                int[] params = stacks.topStartTypes();
                int[] results = stacks.topEndTypes();
                // An if without else behaves as if its else passed the parameters through (spec 3.3.8.5).
                if (opcode == Opcode.IF.code() && !Arrays.equals(params, results)) throw error("type mismatch");
                stacks.popFrame();
                stacks.pushAll(results);
            }
            case BR -> {
                stacks.popAll(label(code.index()));
                stacks.markUnreachable();
            }
            case BR_IF -> {
                int[] types = label(code.index());
                stacks.pop(I32);
                stacks.popAll(types);
                stacks.pushAll(types);
            }
            case BR_TABLE -> branchTable(code);
            case RETURN -> {
                stacks.popAll(stacks.labelTypes(stacks.frameCount() - 1));
                stacks.markUnreachable();
            }
            case CALL -> {
                int f = code.index();
                if (!context.hasFunction(f)) throw error("unknown function " + f);
                int type = context.functionTypeIndex(f);
                stacks.popAll(context.typeParams[type]);
                stacks.pushAll(context.typeResults[type]);
            }
            case CALL_INDIRECT -> {
                int table = code.secondIndex();
                if (!context.hasTable(table)) throw error("unknown table " + table);
                if (context.tableElementTypes[table] != FUNCREF) throw error("type mismatch");
                int type = code.index();
                if (!context.hasType(type)) throw error("unknown type " + type);
                stacks.pop(I32);
                stacks.popAll(context.typeParams[type]);
                stacks.pushAll(context.typeResults[type]);
            }
            case DROP -> stacks.pop();
            case SELECT -> {
                stacks.pop(I32);
                int t1 = stacks.pop();
                int t2 = stacks.pop();
                if (!TypeStacks.isNumericOrVector(t1) || !TypeStacks.isNumericOrVector(t2)) throw error("type mismatch");
                if (t1 != t2 && t1 != TypeStacks.UNKNOWN && t2 != TypeStacks.UNKNOWN) throw error("type mismatch");
                stacks.push(t1 == TypeStacks.UNKNOWN ? t2 : t1);
            }
            case SELECT_T -> {
                if (code.selectTypeCount() != 1) throw error("invalid result arity");
                int t = code.selectType(0).ordinal();
                stacks.pop(I32);
                stacks.pop(t);
                stacks.pop(t);
                stacks.push(t);
            }
            case LOCAL_GET -> stacks.push(local(code.index()));
            case LOCAL_SET -> stacks.pop(local(code.index()));
            case LOCAL_TEE -> {
                int t = local(code.index());
                stacks.pop(t);
                stacks.push(t);
            }
            case GLOBAL_GET -> stacks.push(global(code.index()));
            case GLOBAL_SET -> {
                int g = code.index();
                int t = global(g);
                if (!context.globalMutable[g]) throw error("global is immutable");
                stacks.pop(t);
            }
            case TABLE_GET -> {
                int t = table(code.index());
                stacks.pop(I32);
                stacks.push(t);
            }
            case TABLE_SET -> {
                int t = table(code.index());
                stacks.pop(t);
                stacks.pop(I32);
            }
            case TABLE_GROW -> {
                int t = table(code.index());
                stacks.pop(I32);
                stacks.pop(t);
                stacks.push(I32);
            }
            case TABLE_FILL -> {
                int t = table(code.index());
                stacks.pop(I32);
                stacks.pop(t);
                stacks.pop(I32);
            }
            case REF_NULL -> stacks.push(code.referenceTypeImmediate());
            case REF_IS_NULL -> {
                if (!TypeStacks.isReference(stacks.pop())) throw error("type mismatch");
                stacks.push(I32);
            }
            case REF_FUNC -> {
                int f = code.index();
                if (!context.hasFunction(f)) throw error("unknown function " + f);
                if (!context.declaredReferences.get(f)) throw error("undeclared function reference");
                stacks.push(FUNCREF);
            }
            default -> throw new IllegalStateException("no typing rule for " + op);
        }
    }

    /** Index and alignment rules of fixed-signature instructions that carry immediates (spec 3.3.7, 3.3.3). */
    private void checkImmediates(Opcode op, CodeReader code) {
        switch (op.immediate()) {
            case MEMARG, MEMARG_LANE -> {
                requireMemory(0);
                if (code.alignment() > op.naturalAlignment()) throw error("alignment must not be larger than natural");
                if (op.immediate() == Immediate.MEMARG_LANE && code.lane() >= op.laneCount()) throw error("invalid lane index");
            }
            case MEMORY, MEMORY_COPY -> requireMemory(0);
            case MEMORY_INIT -> {
                requireMemory(0);
                requireData(code.index());
            }
            case DATA -> requireData(code.index());
            case LANE -> {
                if (code.lane() >= op.laneCount()) throw error("invalid lane index");
            }
            case SHUFFLE -> {
                byte[] lanes = code.shuffleLanes();
                for (byte lane : lanes) if ((lane & 0xFF) >= 32) throw error("invalid lane index");
            }
            case ELEM -> requireElement(code.index());
            case TABLE -> table(code.index());
            case TABLE_INIT -> {
                int t = table(code.secondIndex());
                int e = requireElement(code.index());
                if (t != e) throw error("type mismatch");
            }
            case TABLE_COPY -> {
                int destination = table(code.index());
                int source = table(code.secondIndex());
                if (destination != source) throw error("type mismatch");
            }
            default -> { }
        }
    }

    private void requireMemory(int index) {
        if (index >= context.memoryCount) throw error("unknown memory " + index);
    }

    private void requireData(int index) {
        if (index < 0 || index >= context.dataCount) throw error("unknown data segment " + index);
    }

    private int requireElement(int index) {
        if (index < 0 || index >= context.elementTypes.length) throw error("unknown elem segment " + index);
        return context.elementTypes[index];
    }

    private int table(int index) {
        if (!context.hasTable(index)) throw error("unknown table " + index);
        return context.tableElementTypes[index];
    }

    private int global(int index) {
        if (!context.hasGlobal(index)) throw error("unknown global " + index);
        return context.globalTypes[index];
    }

    private int local(int index) {
        if (index < 0 || index >= localCount) throw error("unknown local " + index);
        if (localTypes != null) return localTypes[index];
        if (index < paramTypes.length) return paramTypes[index];
        return body.localType(index - paramTypes.length).ordinal();
    }

    /** Parameters then declared locals as type codes, for the common body with few locals. */
    private int[] expandLocals(FunctionBody body) {
        int[] types = new int[(int) localCount];
        System.arraycopy(paramTypes, 0, types, 0, paramTypes.length);
        int next = paramTypes.length;
        for (int run = 0; run < body.localRunCount(); run++) {
            int code = body.localRunType(run).ordinal();
            for (long i = body.localRunLength(run); i > 0; i--) types[next++] = code;
        }
        return types;
    }

    private int[] label(int depth) {
        if (!stacks.hasLabel(depth)) throw error("unknown label");
        return stacks.labelTypes(depth);
    }

    /** br_table: every label must take the same number of values, each typed against the operands (appendix 4.11.2). */
    private void branchTable(CodeReader code) {
        stacks.pop(I32);
        int[] defaultTypes = label(code.label(code.labelCount()));
        int arity = defaultTypes.length;
        for (int i = 0; i < code.labelCount(); i++) {
            int[] types = label(code.label(i));
            if (types.length != arity) throw error("type mismatch");
            int[] popped = new int[arity];
            for (int j = arity - 1; j >= 0; j--) popped[j] = stacks.pop(types[j]);
            stacks.pushAll(popped);
        }
        stacks.popAll(defaultTypes);
        stacks.markUnreachable();
    }

    private int[] blockParams(CodeReader code) {
        int bt = code.blockType();
        if (bt < 0) return NONE;
        if (!context.hasType(bt)) throw error("unknown type " + bt);
        return context.typeParams[bt];
    }

    private int[] blockResults(CodeReader code) {
        int bt = code.blockType();
        if (bt == CodeReader.BLOCK_EMPTY) return NONE;
        if (bt == CodeReader.BLOCK_VALUE) return SINGLE[code.blockValueType().ordinal()];
        return context.typeResults[bt];
    }

    private void openBlock(Opcode op, int[] params, int[] results) {
        stacks.popAll(params);
        stacks.pushFrame(op.code(), params, results);
    }
}
