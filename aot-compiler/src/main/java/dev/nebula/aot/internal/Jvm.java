package dev.nebula.aot.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import org.objectweb.asm.MethodVisitor;

import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * How Wasm values live on the JVM: i32 as {@code int}, i64 as {@code long}, f32 as {@code float},
 * f64 as {@code double}, references as {@code long} store handles, and a v128 as two {@code long}s
 * (low half, then high half: two JVM locals, two operand-stack entries, two parameters, two
 * entries of a {@code long[]}, as {@link dev.nebula.runtime.ValueSlots} counts them). The type
 * stacks of the compiler hold one {@link ValType#V128} entry per half ({@link #halves}), so a
 * v128 moves through blocks, branches, spills and region frames as two longs with no special
 * case. A function returns its one result as that type, and several results (a v128 is two) as
 * a {@code long[]} in the embedding API's form ({@link dev.nebula.runtime.Values}). Every
 * compiled method takes its remaining call depth and the {@link AotInstance} last.
 */
final class Jvm {

    static final String INSTANCE = "dev/nebula/aot/internal/AotInstance";
    static final String INSTANCE_DESC = "L" + INSTANCE + ";";
    static final String RT = "dev/nebula/aot/internal/Rt";
    static final String NUMERICS = "dev/nebula/runtime/ops/Numerics";
    static final String TRAPS = "dev/nebula/runtime/ops/Traps";
    static final String TRAP = "dev/nebula/wasm/TrapException";
    static final String WASM_FUNCTION = "dev/nebula/runtime/WasmFunction";
    static final String AOT_FUNCTION = "dev/nebula/aot/internal/AotFunction";

    private Jvm() {
    }

    static String desc(ValType t) {
        return switch (t) {
            case I32 -> "I";
            case I64, FUNCREF, EXTERNREF -> "J";
            case F32 -> "F";
            case F64 -> "D";
            case V128 -> "J"; // one half
        };
    }

    /** JVM slots (and operand-stack words) a value takes. */
    static int size(ValType t) {
        return t == ValType.I64 || t == ValType.F64 || t == ValType.V128 || t.isReference() ? 2 : 1;
    }

    /** {@code types} with each v128 written twice, once per half: the JVM's view of a Wasm type list. */
    static List<ValType> halves(List<ValType> types) {
        if (!types.contains(ValType.V128)) return types;
        List<ValType> out = new java.util.ArrayList<>(types.size() + 4);
        for (ValType t : types) {
            out.add(t);
            if (t == ValType.V128) out.add(t);
        }
        return out;
    }

    static ValType[] halves(ValType[] types) {
        return halves(List.of(types)).toArray(new ValType[0]);
    }

    static int load(ValType t) {
        return switch (t) {
            case I32 -> ILOAD;
            case F32 -> FLOAD;
            case F64 -> DLOAD;
            default -> LLOAD;
        };
    }

    static int store(ValType t) {
        return load(t) + (ISTORE - ILOAD);
    }

    static int ret(ValType t) {
        return switch (t) {
            case I32 -> IRETURN;
            case F32 -> FRETURN;
            case F64 -> DRETURN;
            default -> LRETURN;
        };
    }

    /** The JVM return type of {@code results} (a Wasm type list; a v128 counts as two values). */
    static String resultDesc(List<ValType> results) {
        results = halves(results);
        return switch (results.size()) {
            case 0 -> "V";
            case 1 -> desc(results.get(0));
            default -> "[J";
        };
    }

    /** The JVM parameter types of {@code params} (a Wasm type list; a v128 is two longs). */
    static String paramsDesc(List<ValType> params) {
        StringBuilder s = new StringBuilder();
        for (ValType t : halves(params)) s.append(desc(t));
        return s.toString();
    }

    /**
     * The descriptor of a compiled function of {@code type}: its parameters, then its remaining
     * call depth (an {@code int}: the engine's limit minus the frames on the Wasm stack with this
     * one, negative past the limit, which entry tests), then the instance. Counting down rather
     * than up spares every entry the load of the limit (a compare with zero).
     */
    static String methodDesc(FuncType type) {
        return "(" + paramsDesc(type.params()) + "I" + INSTANCE_DESC + ")" + resultDesc(type.results());
    }

    /** Pushes the default (zero) value of {@code t}. */
    static void zero(MethodVisitor mv, ValType t) {
        switch (t) {
            case I32 -> mv.visitInsn(ICONST_0);
            case F32 -> mv.visitInsn(FCONST_0);
            case F64 -> mv.visitInsn(DCONST_0);
            default -> mv.visitInsn(LCONST_0);
        }
    }

    static void pop(MethodVisitor mv, ValType t) {
        mv.visitInsn(size(t) == 2 ? POP2 : POP);
    }

    /** Converts the value on top of the stack to its {@code long} form (spec values as the API carries them). */
    static void toLong(MethodVisitor mv, ValType t) {
        switch (t) {
            case I32 -> mv.visitInsn(I2L);
            case F32 -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "toUnsignedLong", "(I)J", false);
            }
            case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            default -> { }
        }
    }

    /** Converts a {@code long} on top of the stack to the JVM form of {@code t}. */
    static void fromLong(MethodVisitor mv, ValType t) {
        switch (t) {
            case I32 -> mv.visitInsn(L2I);
            case F32 -> {
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            default -> { }
        }
    }

    static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    static void pushLong(MethodVisitor mv, long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    static void rt(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, RT, name, desc, false);
    }
}
