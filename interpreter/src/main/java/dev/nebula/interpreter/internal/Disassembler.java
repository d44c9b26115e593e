package dev.nebula.interpreter.internal;

import dev.nebula.validator.ValidatedModule;

/**
 * Prints translated code, one instruction a line ({@code 12: i32.add_i 5 2 1}), for tests and for
 * looking at what the translator made of a hot loop. Not used when running.
 */
public final class Disassembler {

    private Disassembler() {
    }

    /** The translated code of function {@code functionIndex} (whole index space) of a validated module. */
    public static String disassemble(ValidatedModule module, int functionIndex) {
        return disassemble(Translator.translate(module, functionIndex).code);
    }

    static String disassemble(int[] code) {
        StringBuilder out = new StringBuilder();
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc];
            int length = length(code, pc);
            out.append(pc).append(": ").append(Op.name(op));
            for (int i = 1; i < length; i++) {
                int operand = code[pc + i];
                boolean target = isBranch(op) && (op == Op.BR_TABLE ? i >= 3 : i == length - 1);
                if (target && operand >= Op.BACK_EDGE) out.append(" loop:").append(operand - Op.BACK_EDGE);
                else out.append(' ').append(operand);
            }
            out.append('\n');
            pc += length;
        }
        return out.toString();
    }

    private static boolean isBranch(int op) {
        return op == Op.JUMP || op == Op.BR_IF_NZ || op == Op.BR_IF_Z || op == Op.BR_TABLE
                || (op >= Op.BR_I32_EQ && op <= Op.BR_I32_GE_U) || (op >= Op.BR_I32_EQ_I && op <= Op.BR_I64_NZ);
    }

    /** Number of ints the instruction at {@code pc} occupies. */
    static int length(int[] code, int pc) {
        int op = code[pc];
        if (op >= Op.SIMD_BASE) return SimdShape.length(op);
        if (op >= Op.MEM && op < Op.NUM) return op < Op.I32_STORE ? 5 : 4;
        if (op >= Op.NUM && op < Op.REF_FUNC) {
            boolean unary = op == Op.I32_EQZ || op == Op.I64_EQZ
                    || (op >= Op.I32_CLZ && op <= Op.I32_POPCNT) || (op >= Op.I64_CLZ && op <= Op.I64_POPCNT)
                    || (op >= Op.F32_ABS && op <= Op.F32_SQRT) || (op >= Op.F64_ABS && op <= Op.F64_SQRT)
                    || op >= Op.I32_WRAP_I64;
            return unary ? 3 : 4;
        }
        if (op >= Op.BR_I32_EQ && op <= Op.BR_I32_GE_U) return 4;
        if (op >= Op.I32_ADD_I && op <= Op.BR_I64_GE_U) return 4;
        if (op >= Op.I32_EQ_I && op <= Op.I32_STORE8_I) return 4;
        return switch (op) {
            case Op.UNREACHABLE, Op.RETURN -> 1;
            case Op.JUMP, Op.RETURN1, Op.MEMORY_SIZE, Op.ELEM_DROP, Op.DATA_DROP -> 2;
            case Op.BR_IF_NZ, Op.BR_IF_Z, Op.BR_I64_Z, Op.BR_I64_NZ, Op.CALL, Op.COPY, Op.CONST32, Op.GLOBAL_GET,
                 Op.GLOBAL_SET, Op.MEMORY_GROW, Op.REF_FUNC, Op.TABLE_SIZE -> 3;
            case Op.CONST64, Op.TABLE_GET, Op.TABLE_SET, Op.MEMORY_COPY, Op.MEMORY_FILL -> 4;
            case Op.CALL_INDIRECT, Op.SELECT, Op.COPY2, Op.TABLE_GROW, Op.TABLE_FILL, Op.MEMORY_INIT -> 5;
            case Op.TABLE_COPY, Op.TABLE_INIT -> 6;
            case Op.I32_ADD_I2 -> 7;
            case Op.BR_TABLE -> 4 + code[pc + 2];
            default -> throw new IllegalStateException("unknown opcode " + op + " at " + pc);
        };
    }
}
