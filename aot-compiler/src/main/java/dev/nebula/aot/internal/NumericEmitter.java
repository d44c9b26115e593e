package dev.nebula.aot.internal;

import dev.nebula.decoder.Opcode;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * The numeric instructions (spec 4.4.1, operators of 4.3) as JVM bytecode: one JVM instruction
 * where Java's semantics are Wasm's (integer arithmetic wraps, shifts mask their count, float
 * arithmetic is IEEE 754 round-to-nearest, signed narrowing casts saturate as trunc_sat_s does),
 * the runtime's shared {@code ops.Numerics} where they are not (division traps, min/max and
 * rounding with NaNs, checked truncation, unsigned conversion), and bit operations for abs, neg
 * and copysign so NaN payloads pass unchanged.
 */
final class NumericEmitter {

    private NumericEmitter() {
    }

    /** Emits {@code op} if it is a numeric instruction; false for anything else. */
    static boolean emit(MethodVisitor mv, Opcode op) {
        int jump = compare(mv, op);
        if (jump >= 0) {
            test(mv, jump);
            return true;
        }
        switch (op) {
            case I32_CLZ -> java(mv, "java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> java(mv, "java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> java(mv, "java/lang/Integer", "bitCount", "(I)I");
            case I32_ADD -> mv.visitInsn(IADD);
            case I32_SUB -> mv.visitInsn(ISUB);
            case I32_MUL -> mv.visitInsn(IMUL);
            case I32_DIV_S -> ops(mv, "i32DivS", "(II)I");
            case I32_DIV_U -> ops(mv, "i32DivU", "(II)I");
            case I32_REM_S -> ops(mv, "i32RemS", "(II)I");
            case I32_REM_U -> ops(mv, "i32RemU", "(II)I");
            case I32_AND -> mv.visitInsn(IAND);
            case I32_OR -> mv.visitInsn(IOR);
            case I32_XOR -> mv.visitInsn(IXOR);
            case I32_SHL -> mv.visitInsn(ISHL);
            case I32_SHR_S -> mv.visitInsn(ISHR);
            case I32_SHR_U -> mv.visitInsn(IUSHR);
            case I32_ROTL -> java(mv, "java/lang/Integer", "rotateLeft", "(II)I");
            case I32_ROTR -> java(mv, "java/lang/Integer", "rotateRight", "(II)I");

            case I64_CLZ -> {
                java(mv, "java/lang/Long", "numberOfLeadingZeros", "(J)I");
                mv.visitInsn(I2L);
            }
            case I64_CTZ -> {
                java(mv, "java/lang/Long", "numberOfTrailingZeros", "(J)I");
                mv.visitInsn(I2L);
            }
            case I64_POPCNT -> {
                java(mv, "java/lang/Long", "bitCount", "(J)I");
                mv.visitInsn(I2L);
            }
            case I64_ADD -> mv.visitInsn(LADD);
            case I64_SUB -> mv.visitInsn(LSUB);
            case I64_MUL -> mv.visitInsn(LMUL);
            case I64_DIV_S -> ops(mv, "i64DivS", "(JJ)J");
            case I64_DIV_U -> ops(mv, "i64DivU", "(JJ)J");
            case I64_REM_S -> ops(mv, "i64RemS", "(JJ)J");
            case I64_REM_U -> ops(mv, "i64RemU", "(JJ)J");
            case I64_AND -> mv.visitInsn(LAND);
            case I64_OR -> mv.visitInsn(LOR);
            case I64_XOR -> mv.visitInsn(LXOR);
            case I64_SHL -> shift(mv, LSHL);
            case I64_SHR_S -> shift(mv, LSHR);
            case I64_SHR_U -> shift(mv, LUSHR);
            case I64_ROTL -> {
                mv.visitInsn(L2I);
                java(mv, "java/lang/Long", "rotateLeft", "(JI)J");
            }
            case I64_ROTR -> {
                mv.visitInsn(L2I);
                java(mv, "java/lang/Long", "rotateRight", "(JI)J");
            }

            case F32_ABS -> f32Bits(mv, "f32Abs", "(I)I");
            case F32_NEG -> f32Bits(mv, "f32Neg", "(I)I");
            case F32_COPYSIGN -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(SWAP);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(SWAP);
                ops(mv, "f32CopySign", "(II)I");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F32_CEIL -> ops(mv, "ceil", "(F)F");
            case F32_FLOOR -> ops(mv, "floor", "(F)F");
            case F32_TRUNC -> ops(mv, "trunc", "(F)F");
            case F32_NEAREST -> ops(mv, "nearest", "(F)F");
            case F32_SQRT -> ops(mv, "sqrt", "(F)F");
            case F32_ADD -> mv.visitInsn(FADD);
            case F32_SUB -> mv.visitInsn(FSUB);
            case F32_MUL -> mv.visitInsn(FMUL);
            case F32_DIV -> mv.visitInsn(FDIV);
            case F32_MIN -> ops(mv, "fmin", "(FF)F");
            case F32_MAX -> ops(mv, "fmax", "(FF)F");

            case F64_ABS -> f64Bits(mv, "f64Abs");
            case F64_NEG -> f64Bits(mv, "f64Neg");
            case F64_COPYSIGN -> {
                // a (2 words) b (2 words): convert b, then a under it through a scratch-free shuffle
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                mv.visitInsn(DUP2_X2);
                mv.visitInsn(POP2);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                mv.visitInsn(DUP2_X2);
                mv.visitInsn(POP2);
                ops(mv, "f64CopySign", "(JJ)J");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
            case F64_CEIL -> ops(mv, "ceil", "(D)D");
            case F64_FLOOR -> ops(mv, "floor", "(D)D");
            case F64_TRUNC -> ops(mv, "trunc", "(D)D");
            case F64_NEAREST -> ops(mv, "nearest", "(D)D");
            case F64_SQRT -> java(mv, "java/lang/Math", "sqrt", "(D)D");
            case F64_ADD -> mv.visitInsn(DADD);
            case F64_SUB -> mv.visitInsn(DSUB);
            case F64_MUL -> mv.visitInsn(DMUL);
            case F64_DIV -> mv.visitInsn(DDIV);
            case F64_MIN -> ops(mv, "fmin", "(DD)D");
            case F64_MAX -> ops(mv, "fmax", "(DD)D");

            case I32_WRAP_I64 -> mv.visitInsn(L2I);
            case I32_TRUNC_F32_S -> {
                mv.visitInsn(F2D);
                ops(mv, "i32TruncS", "(D)I");
            }
            case I32_TRUNC_F32_U -> {
                mv.visitInsn(F2D);
                ops(mv, "i32TruncU", "(D)I");
            }
            case I32_TRUNC_F64_S -> ops(mv, "i32TruncS", "(D)I");
            case I32_TRUNC_F64_U -> ops(mv, "i32TruncU", "(D)I");
            case I64_EXTEND_I32_S -> mv.visitInsn(I2L);
            case I64_EXTEND_I32_U -> java(mv, "java/lang/Integer", "toUnsignedLong", "(I)J");
            case I64_TRUNC_F32_S -> {
                mv.visitInsn(F2D);
                ops(mv, "i64TruncS", "(D)J");
            }
            case I64_TRUNC_F32_U -> {
                mv.visitInsn(F2D);
                ops(mv, "i64TruncU", "(D)J");
            }
            case I64_TRUNC_F64_S -> ops(mv, "i64TruncS", "(D)J");
            case I64_TRUNC_F64_U -> ops(mv, "i64TruncU", "(D)J");
            case F32_CONVERT_I32_S -> mv.visitInsn(I2F);
            case F32_CONVERT_I32_U -> {
                java(mv, "java/lang/Integer", "toUnsignedLong", "(I)J");
                mv.visitInsn(L2F);
            }
            case F32_CONVERT_I64_S -> mv.visitInsn(L2F);
            case F32_CONVERT_I64_U -> ops(mv, "f32ConvertU", "(J)F");
            case F32_DEMOTE_F64 -> mv.visitInsn(D2F);
            case F64_CONVERT_I32_S -> mv.visitInsn(I2D);
            case F64_CONVERT_I32_U -> {
                java(mv, "java/lang/Integer", "toUnsignedLong", "(I)J");
                mv.visitInsn(L2D);
            }
            case F64_CONVERT_I64_S -> mv.visitInsn(L2D);
            case F64_CONVERT_I64_U -> ops(mv, "f64ConvertU", "(J)D");
            case F64_PROMOTE_F32 -> mv.visitInsn(F2D);
            case I32_REINTERPRET_F32 -> java(mv, "java/lang/Float", "floatToRawIntBits", "(F)I");
            case I64_REINTERPRET_F64 -> java(mv, "java/lang/Double", "doubleToRawLongBits", "(D)J");
            case F32_REINTERPRET_I32 -> java(mv, "java/lang/Float", "intBitsToFloat", "(I)F");
            case F64_REINTERPRET_I64 -> java(mv, "java/lang/Double", "longBitsToDouble", "(J)D");
            case I32_EXTEND8_S -> mv.visitInsn(I2B);
            case I32_EXTEND16_S -> mv.visitInsn(I2S);
            case I64_EXTEND8_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2B);
                mv.visitInsn(I2L);
            }
            case I64_EXTEND16_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                mv.visitInsn(I2L);
            }
            case I64_EXTEND32_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2L);
            }
            // trunc_sat_s: Java's narrowing casts saturate and send NaN to 0, exactly the spec's rule
            case I32_TRUNC_SAT_F32_S -> mv.visitInsn(F2I);
            case I32_TRUNC_SAT_F64_S -> mv.visitInsn(D2I);
            case I64_TRUNC_SAT_F32_S -> mv.visitInsn(F2L);
            case I64_TRUNC_SAT_F64_S -> mv.visitInsn(D2L);
            case I32_TRUNC_SAT_F32_U -> {
                mv.visitInsn(F2D);
                ops(mv, "i32TruncSatU", "(D)I");
            }
            case I32_TRUNC_SAT_F64_U -> ops(mv, "i32TruncSatU", "(D)I");
            case I64_TRUNC_SAT_F32_U -> {
                mv.visitInsn(F2D);
                ops(mv, "i64TruncSatU", "(D)J");
            }
            case I64_TRUNC_SAT_F64_U -> ops(mv, "i64TruncSatU", "(D)J");
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * For a comparison (spec 4.4.1, relop and testop): emits what comes before the conditional
     * jump and returns the JVM jump instruction taken exactly when the comparison holds, so a
     * comparison that feeds a {@code br_if} or {@code if} becomes one compare-and-jump. Returns
     * -1, having emitted nothing, for any other instruction.
     */
    static int compare(MethodVisitor mv, Opcode op) {
        return switch (op) {
            case I32_EQZ -> IFEQ;
            case I32_EQ -> IF_ICMPEQ;
            case I32_NE -> IF_ICMPNE;
            case I32_LT_S -> IF_ICMPLT;
            case I32_GT_S -> IF_ICMPGT;
            case I32_LE_S -> IF_ICMPLE;
            case I32_GE_S -> IF_ICMPGE;
            case I32_LT_U -> unsignedInt(mv, IF_ICMPLT);
            case I32_GT_U -> unsignedInt(mv, IF_ICMPGT);
            case I32_LE_U -> unsignedInt(mv, IF_ICMPLE);
            case I32_GE_U -> unsignedInt(mv, IF_ICMPGE);
            case I64_EQZ -> {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                yield IFEQ;
            }
            case I64_EQ -> longCompare(mv, IFEQ);
            case I64_NE -> longCompare(mv, IFNE);
            case I64_LT_S -> longCompare(mv, IFLT);
            case I64_GT_S -> longCompare(mv, IFGT);
            case I64_LE_S -> longCompare(mv, IFLE);
            case I64_GE_S -> longCompare(mv, IFGE);
            case I64_LT_U -> unsignedLong(mv, IFLT);
            case I64_GT_U -> unsignedLong(mv, IFGT);
            case I64_LE_U -> unsignedLong(mv, IFLE);
            case I64_GE_U -> unsignedLong(mv, IFGE);
            // fcmpl gives -1 and fcmpg +1 for NaN: each picks the one that makes the comparison false
            case F32_EQ -> floatCompare(mv, FCMPL, IFEQ);
            case F32_NE -> floatCompare(mv, FCMPL, IFNE);
            case F32_LT -> floatCompare(mv, FCMPG, IFLT);
            case F32_GT -> floatCompare(mv, FCMPL, IFGT);
            case F32_LE -> floatCompare(mv, FCMPG, IFLE);
            case F32_GE -> floatCompare(mv, FCMPL, IFGE);
            case F64_EQ -> floatCompare(mv, DCMPL, IFEQ);
            case F64_NE -> floatCompare(mv, DCMPL, IFNE);
            case F64_LT -> floatCompare(mv, DCMPG, IFLT);
            case F64_GT -> floatCompare(mv, DCMPL, IFGT);
            case F64_LE -> floatCompare(mv, DCMPG, IFLE);
            case F64_GE -> floatCompare(mv, DCMPL, IFGE);
            default -> -1;
        };
    }

    /** Whether {@code op} is a comparison that {@link #compare} turns into a jump. */
    static boolean isComparison(Opcode op) {
        return switch (op) {
            case I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_GT_S, I32_LE_S, I32_GE_S, I32_LT_U, I32_GT_U, I32_LE_U, I32_GE_U,
                 I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_GT_S, I64_LE_S, I64_GE_S, I64_LT_U, I64_GT_U, I64_LE_U, I64_GE_U,
                 F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE -> true;
            default -> false;
        };
    }

    /** The jump taken exactly when {@code jump} is not, on the same operands (an fcmp result included: its NaN value is already decided). */
    static int invert(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }

    /** Pushes 1 if {@code jump} is taken on what is on the stack, else 0 ({@link Conditions} says why a call). */
    private static void test(MethodVisitor mv, int jump) {
        String name = switch (jump) {
            case IFEQ -> "eqz";
            case IFNE -> "nez";
            case IFLT -> "ltz";
            case IFGE -> "gez";
            case IFGT -> "gtz";
            case IFLE -> "lez";
            case IF_ICMPEQ -> "eq";
            case IF_ICMPNE -> "ne";
            case IF_ICMPLT -> "lt";
            case IF_ICMPGE -> "ge";
            case IF_ICMPGT -> "gt";
            case IF_ICMPLE -> "le";
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
        mv.visitMethodInsn(INVOKESTATIC, "dev/nebula/aot/internal/Conditions", name, name.endsWith("z") ? "(I)I" : "(II)I", false);
    }

    /**
     * An unsigned comparison as a signed one of both operands with their sign bit flipped
     * ({@code a <u b} exactly when {@code a ^ MIN <s b ^ MIN}), returning the signed
     * {@code if_icmp} jump. Not {@code Integer.compareUnsigned}: JDK 17's C2 has no intrinsic
     * for it and compiles its -1/0/1 result as a chain of compares and jumps, then tests that,
     * where this is one {@code xor} per operand (folded away for a constant) and one compare.
     */
    private static int unsignedInt(MethodVisitor mv, int jump) {
        mv.visitLdcInsn(Integer.MIN_VALUE);
        mv.visitInsn(IXOR);
        mv.visitInsn(SWAP);
        mv.visitLdcInsn(Integer.MIN_VALUE);
        mv.visitInsn(IXOR);
        mv.visitInsn(SWAP);
        return jump;
    }

    private static int longCompare(MethodVisitor mv, int jump) {
        mv.visitInsn(LCMP);
        return jump;
    }

    /**
     * {@link #unsignedInt}'s sign flip for {@code i64}, then {@code lcmp}, which C2 fuses with
     * the jump that tests its result (it does not for {@code Long.compareUnsigned}'s).
     */
    private static int unsignedLong(MethodVisitor mv, int jump) {
        mv.visitLdcInsn(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
        mv.visitInsn(DUP2_X2); // swaps the two longs: b', a, b' ...
        mv.visitInsn(POP2); // ... b', a
        mv.visitLdcInsn(Long.MIN_VALUE);
        mv.visitInsn(LXOR);
        mv.visitInsn(DUP2_X2); // a', b', a'
        mv.visitInsn(POP2); // a', b'
        mv.visitInsn(LCMP);
        return jump;
    }

    private static int floatCompare(MethodVisitor mv, int compare, int jump) {
        mv.visitInsn(compare);
        return jump;
    }

    private static void shift(MethodVisitor mv, int shift) {
        mv.visitInsn(L2I); // the JVM masks a long shift's int count by 63, as Wasm does
        mv.visitInsn(shift);
    }

    private static void f32Bits(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        ops(mv, name, desc);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
    }

    private static void f64Bits(MethodVisitor mv, String name) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        ops(mv, name, "(J)J");
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
    }

    private static void ops(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, Jvm.NUMERICS, name, desc, false);
    }

    private static void java(MethodVisitor mv, String owner, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
    }
}
