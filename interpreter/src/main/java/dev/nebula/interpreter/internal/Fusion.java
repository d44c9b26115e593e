package dev.nebula.interpreter.internal;

/**
 * The translator's rewrite rules that merge two Wasm instructions into one interpreter
 * instruction: a binary operator with a constant operand becomes its {@code _I} form, and a
 * comparison followed by {@code br_if}/{@code if} becomes a compare-and-branch. The six
 * comparisons come in the same order for i32, i64 and the fused forms (eq, ne, lt_s, lt_u, gt_s,
 * gt_u, le_s, le_u, ge_s, ge_u), so each rule is an offset into a family.
 */
final class Fusion {

    /** For each comparison, the one true exactly when it is false (lt_s ↔ ge_s, ...). */
    private static final int[] NEGATED = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};
    /** For each comparison, the one that holds with the operands swapped (a lt b ⟺ b gt a). */
    private static final int[] SWAPPED = {0, 1, 4, 5, 2, 3, 8, 9, 6, 7};

    private Fusion() {
    }

    /** Marks "no such form". */
    static final long NONE = Long.MIN_VALUE;

    /**
     * The {@code _I} form of binary {@code op} when the constant {@code c} is its right operand
     * ({@code left} false) or its left one; -1 when there is none.
     */
    static int immediateForm(int op, boolean left) {
        if (op >= Op.I32_EQ && op <= Op.I32_GE_U) {
            int i = op - Op.I32_EQ;
            return Op.I32_EQ_I + (left ? SWAPPED[i] : i);
        }
        switch (op) {
            case Op.I32_ADD: return Op.I32_ADD_I;
            case Op.I32_MUL: return Op.I32_MUL_I;
            case Op.I32_AND: return Op.I32_AND_I;
            case Op.I32_OR: return Op.I32_OR_I;
            case Op.I32_XOR: return Op.I32_XOR_I;
            case Op.I64_ADD: return Op.I64_ADD_I;
            default: break;
        }
        if (left) return -1; // the rest are not commutative
        switch (op) {
            case Op.I32_SUB: return Op.I32_ADD_I;
            case Op.I32_SHL: return Op.I32_SHL_I;
            case Op.I32_SHR_S: return Op.I32_SHR_S_I;
            case Op.I32_SHR_U: return Op.I32_SHR_U_I;
            case Op.I32_ROTL:
            case Op.I32_ROTR: return Op.I32_ROTL_I;
            case Op.I64_SUB: return Op.I64_ADD_I;
            default: return -1;
        }
    }

    /**
     * The immediate to encode for {@code op} with constant {@code c}: subtraction adds the
     * negation (wrapping for i32 exactly as i32.sub does), rotr by n is rotl by 32 - n; an i64
     * constant must fit an int. {@link #NONE} when it does not.
     */
    static long immediate(int op, long c) {
        switch (op) {
            case Op.I32_SUB: return -(int) c;
            case Op.I32_ROTR: return (32 - ((int) c & 31)) & 31;
            case Op.I64_ADD: return c == (int) c ? c : NONE;
            case Op.I64_SUB: return -c == (int) -c && c != Long.MIN_VALUE ? -c : NONE;
            default: return (int) c;
        }
    }

    /**
     * The compare-and-branch for the comparison {@code op} just emitted, jumping when it holds
     * ({@code negate} false) or when it does not; -1 when {@code op} is not a comparison.
     */
    static int branch(int op, boolean negate) {
        int family;
        int i;
        if (op >= Op.I32_EQ && op <= Op.I32_GE_U) {
            family = Op.BR_I32_EQ;
            i = op - Op.I32_EQ;
        } else if (op >= Op.I32_EQ_I && op <= Op.I32_GE_U_I) {
            family = Op.BR_I32_EQ_I;
            i = op - Op.I32_EQ_I;
        } else if (op >= Op.I64_EQ && op <= Op.I64_GE_U) {
            family = Op.BR_I64_EQ;
            i = op - Op.I64_EQ;
        } else {
            return -1;
        }
        return family + (negate ? NEGATED[i] : i);
    }
}
