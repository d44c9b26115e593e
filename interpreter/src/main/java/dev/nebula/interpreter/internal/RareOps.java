package dev.nebula.interpreter.internal;

import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Table;

/**
 * The instructions that the hot loop hands off ({@link Interpreter}'s {@code default} case):
 * numeric operators that are rare in real code, the table and bulk-memory instructions of
 * spec 4.4.6 and 4.4.7, and ref.func (SIMD runs in {@link SimdInterpreter}). Each call executes
 * one instruction and returns the next pc.
 */
final class RareOps {

    private static final long[] NO_ELEMENTS = new long[0];
    private static final byte[] NO_DATA = new byte[0];

    private RareOps() {
    }

    static int execute(int[] code, int pc, long[] stack, int fp, InstanceContext ctx) {
        int op = code[pc];
        if (op >= Op.NUM && op < Op.REF_FUNC) {
            int d = fp + code[pc + 1];
            long a = stack[fp + code[pc + 2]];
            if (isUnary(op)) {
                stack[d] = NumericOps.unary(op, a);
                return pc + 3;
            }
            stack[d] = NumericOps.binary(op, a, stack[fp + code[pc + 3]]);
            return pc + 4;
        }
        if (op >= Op.I32_STORE_I && op <= Op.I32_STORE8_I) {
            // The loop runs these; written out here only so that every opcode has a definition.
            Memory memory = ctx.memory();
            int ea = memory.checkAccess((int) stack[fp + code[pc + 1]], code[pc + 3] & 0xFFFF_FFFFL, op == Op.I64_STORE_I ? 8 : op == Op.I32_STORE_I ? 4 : 1);
            if (op == Op.I64_STORE_I) memory.writeLong(ea, code[pc + 2]);
            else if (op == Op.I32_STORE_I) memory.writeInt(ea, code[pc + 2]);
            else memory.writeByte(ea, (byte) code[pc + 2]);
            return pc + 4;
        }
        if (op >= Op.I32_EQ_I && op <= Op.I32_GE_U_I) {
            // A comparison with a constant whose result is kept as a value (spec 4.3.2 irelop).
            stack[fp + code[pc + 1]] = NumericOps.binary(Op.I32_EQ + op - Op.I32_EQ_I, stack[fp + code[pc + 2]], code[pc + 3]);
            return pc + 4;
        }
        if (op >= Op.I32_ADD_I && op <= Op.I64_ADD_I) return immediateBinary(op, code, pc, stack, fp);
        switch (op) {
            case Op.REF_FUNC:
                stack[fp + code[pc + 1]] = ctx.store.handleOf(ctx.functions[code[pc + 2]]);
                return pc + 3;
            case Op.TABLE_GET:
                stack[fp + code[pc + 1]] = ctx.tables[code[pc + 2]].getHandle((int) stack[fp + code[pc + 3]]);
                return pc + 4;
            case Op.TABLE_SET:
                ctx.tables[code[pc + 1]].setHandle((int) stack[fp + code[pc + 2]], stack[fp + code[pc + 3]]);
                return pc + 4;
            case Op.TABLE_SIZE:
                stack[fp + code[pc + 1]] = ctx.tables[code[pc + 2]].size();
                return pc + 3;
            case Op.TABLE_GROW:
                // Spec 4.4.6 table.grow: operands are the initial value, then the count.
                stack[fp + code[pc + 1]] = ctx.tables[code[pc + 2]].grow((int) stack[fp + code[pc + 4]], stack[fp + code[pc + 3]]);
                return pc + 5;
            case Op.TABLE_FILL:
                ctx.tables[code[pc + 1]].fill((int) stack[fp + code[pc + 2]], stack[fp + code[pc + 3]], (int) stack[fp + code[pc + 4]]);
                return pc + 5;
            case Op.TABLE_COPY: {
                Table destination = ctx.tables[code[pc + 1]];
                Table source = ctx.tables[code[pc + 2]];
                Table.copy(destination, (int) stack[fp + code[pc + 3]], source, (int) stack[fp + code[pc + 4]],
                        (int) stack[fp + code[pc + 5]]);
                return pc + 6;
            }
            case Op.TABLE_INIT:
                ctx.tables[code[pc + 2]].init((int) stack[fp + code[pc + 3]], ctx.state.elementSegments[code[pc + 1]],
                        (int) stack[fp + code[pc + 4]], (int) stack[fp + code[pc + 5]]);
                return pc + 6;
            case Op.ELEM_DROP:
                ctx.state.elementSegments[code[pc + 1]] = NO_ELEMENTS;
                return pc + 2;
            case Op.MEMORY_INIT:
                ctx.memory().init((int) stack[fp + code[pc + 2]], ctx.state.dataSegments[code[pc + 1]],
                        (int) stack[fp + code[pc + 3]], (int) stack[fp + code[pc + 4]]);
                return pc + 5;
            case Op.DATA_DROP:
                ctx.state.dataSegments[code[pc + 1]] = NO_DATA;
                return pc + 2;
            case Op.MEMORY_COPY: {
                Memory memory = ctx.memory();
                memory.copy((int) stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]], (int) stack[fp + code[pc + 3]]);
                return pc + 4;
            }
            case Op.MEMORY_FILL:
                ctx.memory().fill((int) stack[fp + code[pc + 1]], (byte) stack[fp + code[pc + 2]], (int) stack[fp + code[pc + 3]]);
                return pc + 4;
            default:
                throw new IllegalStateException("interpreter has no handler for " + Op.name(op) + " at " + pc);
        }
    }

    /** The {@code _I} forms, which the loop normally runs itself; here so that every opcode has a definition. */
    private static int immediateBinary(int op, int[] code, int pc, long[] stack, int fp) {
        long a = stack[fp + code[pc + 2]];
        int imm = code[pc + 3];
        stack[fp + code[pc + 1]] = switch (op) {
            case Op.I32_ADD_I -> NumericOps.binary(Op.I32_ADD, a, imm);
            case Op.I32_MUL_I -> NumericOps.binary(Op.I32_MUL, a, imm);
            case Op.I32_AND_I -> NumericOps.binary(Op.I32_AND, a, imm);
            case Op.I32_OR_I -> NumericOps.binary(Op.I32_OR, a, imm);
            case Op.I32_XOR_I -> NumericOps.binary(Op.I32_XOR, a, imm);
            case Op.I32_SHL_I -> NumericOps.binary(Op.I32_SHL, a, imm);
            case Op.I32_SHR_S_I -> NumericOps.binary(Op.I32_SHR_S, a, imm);
            case Op.I32_SHR_U_I -> NumericOps.binary(Op.I32_SHR_U, a, imm);
            case Op.I32_ROTL_I -> NumericOps.binary(Op.I32_ROTL, a, imm);
            case Op.I64_ADD_I -> a + imm;
            default -> throw new IllegalStateException("not an immediate form: " + Op.name(op));
        };
        return pc + 4;
    }

    /** Numeric instructions taking one operand: eqz, clz/ctz/popcnt, float unary ops, conversions. */
    private static boolean isUnary(int op) {
        return op == Op.I32_EQZ || op == Op.I64_EQZ
                || (op >= Op.I32_CLZ && op <= Op.I32_POPCNT)
                || (op >= Op.I64_CLZ && op <= Op.I64_POPCNT)
                || (op >= Op.F32_ABS && op <= Op.F32_SQRT)
                || (op >= Op.F64_ABS && op <= Op.F64_SQRT)
                || op >= Op.I32_WRAP_I64;
    }
}
