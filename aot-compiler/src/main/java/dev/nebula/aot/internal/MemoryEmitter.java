package dev.nebula.aot.internal;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits the scalar loads and stores (spec 4.4.7) of one generated method in line: the sign test
 * of {@code Rt}'s helpers and their check against the memory's limit ({@code Objects.checkIndex},
 * inside an exception-table range whose handler turns its {@code IndexOutOfBoundsException} into
 * the out-of-bounds trap), then {@code Unsafe}'s read or write at the checked index, as
 * {@code Rt}'s accessors do. The semantics are the helpers'
 * ({@link Rt#i32Load} and its kin): the index is {@code base + offset} as an {@code int}, a
 * negative operand or sum traps (the true unsigned sum is then 2^31 or more), the bound is the
 * memory's limit (its size; the array may be longer), checked by {@code Objects.checkIndex}
 * before anything is read or written.
 *
 * <p>Why not the helpers: C2 stops inlining into a method once it has built
 * {@code NodeCountInliningCutoff} (18,000) nodes, counting the dead ones, and each helper call
 * costs several inlined methods' worth (the helper, its address check, its accessor); in a
 * function of a few hundred accesses (richards' scheduler) the accesses past that point became
 * real calls. Here {@code checkIndex} is an intrinsic and {@code Unsafe}'s methods are
 * {@code @ForceInline}, which C2 inlines past that cutoff and past its inlining budget. Only
 * functions with many accesses get this form ({@link #IN_LINE_FROM}), or whose helpers C2 would
 * stop inlining ({@link #INLINED_BYTES_FROM}).
 * {@code -Dnebula.aot.bench.memoryHelpers=true} (read once, a measurement switch, never a user
 * option) emits the helper calls everywhere.
 */
final class MemoryEmitter {

    static final boolean HELPERS = Boolean.getBoolean("nebula.aot.bench.memoryHelpers");

    /**
     * Functions with at least this many loads and stores get them in line; smaller ones keep the
     * helper calls unless {@link #INLINED_BYTES_FROM} says C2 would stop inlining them. The helper
     * calls are a third of the bytecode: a small function stays under C2's inlining limits for
     * its callers (325 bytes of bytecode at a hot call site). {@code -Dnebula.aot.memory.inLineFrom=0}
     * puts every access in line (how the spec suite tests this class). Not lower by default: from
     * 24 (and still from 64) tinygo-regex ran 1.1 to 2.5 times slower (its hot {@code f244}, 81
     * accesses, of which C2 reaches 34); from 150 it runs as with helpers everywhere while
     * richards' scheduler (172 accesses) keeps its gain.
     */
    static final int IN_LINE_FROM = Integer.getInteger("nebula.aot.memory.inLineFrom", 150);

    /**
     * A function that is not split gets its accesses in line when an estimate of the bytecode C2
     * inlines into its method with the helpers reaches this many bytes. C2 stops inlining
     * ordinary callees into a method once the bytecode inlined so far, the method's own
     * included, reaches {@code DesiredMethodLimit} (8,000; {@code "size > DesiredMethodLimit"} in
     * {@code -XX:+LogCompilation}), and then every access left is a real call, around which C2
     * spills every live value: CoreMark's list function (1,639 Wasm bytes, 102 accesses, 2,370
     * bytes of bytecode) had its last 44 helpers and its comparator ({@code f16}) left as calls.
     * The estimate: {@link #HELPER_BYTES_PER_WASM_BYTE} per Wasm byte (the method) plus
     * {@link #INLINED_BYTES_PER_ACCESS} per access (the helper chain C2 inlines). The bar is
     * 1.5 times C2's limit because C2 counts only the call sites it parses: blocks the profile
     * never reached are left out (tinygo-regex's {@code f244}: estimate 10,000, of which C2
     * inlined 34 of 81 helpers, about 5,900 bytes, and cut none; in line it ran slower), while
     * in-line polls and other inlined callees count too (the list function: estimate 12,600,
     * helpers cut after the 62nd). Measured in bench/RESULTS.md, "In-line memory accesses by C2's
     * inlining budget".
     */
    static final int INLINED_BYTES_FROM = Integer.getInteger("nebula.aot.memory.inLineFromInlinedBytes", 12_000);

    /**
     * Bytecode C2 inlines per helper access: {@code Rt.i32Load} 18 + {@code address} 35 +
     * {@code Objects.checkIndex} 7 + {@code getInt} 29 + {@code Unsafe.getInt} 9 = 98 (stores
     * 102; {@code -XX:+PrintInlining}).
     */
    static final int INLINED_BYTES_PER_ACCESS = 100;

    /** Bytecode per Wasm byte of a function's method with helper accesses: the median over 999 functions of 12 programs (1.36 to 1.95 from the 10th to the 90th percentile). */
    static final double HELPER_BYTES_PER_WASM_BYTE = 1.6;

    /** The most bytecode per Wasm byte seen in those functions (2.6), for the bound against HugeMethodLimit. */
    private static final double MAX_BYTES_PER_WASM_BYTE = 2.6;

    /** Bytecode an in-line access takes beyond a helper call (21 to 23 measured: the sign test, the limit's check, Unsafe's target). */
    private static final int EXTRA_BYTES = 24;

    /**
     * Whether a method of a function of {@code codeSize} Wasm bytes with {@code accesses} loads
     * and stores gets them in line. Never in region methods: those are sized by Wasm bytes, at
     * about three bytes of bytecode each with helper calls, and the extra bytes of in-line
     * accesses took some of bz2's and rust-compression's past HotSpot's 8,000-byte
     * {@code HugeMethodLimit}. A function split into regions keeps at most {@link Outliner#BUDGET}
     * Wasm bytes of its own code, which chunks cut by measured size, and gets them in line from
     * {@link #IN_LINE_FROM} accesses; one that is not split gets them in line from
     * {@link #IN_LINE_FROM} accesses or {@link #INLINED_BYTES_FROM}, only while the most its
     * method could grow to stays well under the limit.
     */
    static boolean inLine(int accesses, int codeSize, boolean regionMethod) {
        if (HELPERS || regionMethod) return false;
        if (codeSize > Outliner.BUDGET) return accesses >= IN_LINE_FROM;
        boolean cutByC2 = HELPER_BYTES_PER_WASM_BYTE * codeSize + (double) INLINED_BYTES_PER_ACCESS * accesses >= INLINED_BYTES_FROM;
        if (accesses < IN_LINE_FROM && !cutByC2) return false;
        return MAX_BYTES_PER_WASM_BYTE * codeSize + (double) EXTRA_BYTES * accesses <= 7_000;
    }

    private static final String UNSAFE = "sun/misc/Unsafe";
    private static final String OUT_OF_RANGE = "java/lang/IndexOutOfBoundsException";

    private final MethodVisitor mv;
    private final int memorySlot;
    /** Memory 0's size in bytes, the bound of every access (the array may be longer). */
    private final int limitSlot;
    /** The handler of this method's accesses; created with the first one. */
    private Label outOfBounds;

    MemoryEmitter(MethodVisitor mv, int memorySlot, int limitSlot) {
        this.mv = mv;
        this.memorySlot = memorySlot;
        this.limitSlot = limitSlot;
    }

    /**
     * Emits {@code op} with its operands on the JVM stack (the address, then the value of a
     * store); {@code offset} is below 2^31. Uses scratch locals from {@code scratch}; returns the
     * next free one.
     */
    int emit(Opcode op, int offset, int scratch) {
        boolean store = op.pushCount() == 0;
        int valueSlot = -1;
        ValType valueType = null;
        if (store) {
            valueType = op.pops()[1];
            valueSlot = scratch;
            scratch += 2;
            mv.visitVarInsn(Jvm.store(valueType), valueSlot);
        }
        if (offset != 0) {
            // Rt.address's test: a negative base (2^31 or more unsigned) is past any byte[]; with
            // it at least 0, base + offset overflows only into a negative index, which checkIndex
            // refuses. A test of the base alone, like the helpers', is one C2 shares between all
            // accesses through that base; testing the sum too ((base + offset) | base) was a
            // separate test per offset (bench/RESULTS.md, "In-line memory accesses by C2's inlining budget").
            mv.visitInsn(DUP);
            Label inRange = new Label();
            mv.visitJumpInsn(IFGE, inRange);
            mv.visitMethodInsn(INVOKESTATIC, Jvm.TRAPS, "outOfBounds", "()L" + Jvm.TRAP + ";", false);
            mv.visitInsn(ATHROW);
            mv.visitLabel(inRange);
            Jvm.pushInt(mv, offset);
            mv.visitInsn(IADD);
        }
        checkLimit(accessSize(op));
        if (store) {
            store(op, valueSlot, valueType);
        } else {
            load(op);
        }
        return scratch;
    }

    /**
     * [index] → [index], or the out-of-bounds trap unless {@code size} bytes from it lie within the
     * memory's limit: {@code Objects.checkIndex}, a range check C2 knows, in a guarded range. A
     * limit under {@code size - 1} makes a negative length, which it refuses too.
     */
    private void checkLimit(int size) {
        mv.visitVarInsn(ILOAD, limitSlot);
        if (size > 1) {
            Jvm.pushInt(mv, size - 1);
            mv.visitInsn(ISUB);
        }
        Label end = begin();
        mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "checkIndex", "(II)I", false);
        mv.visitLabel(end);
    }

    /** The bytes {@code op} reads or writes. */
    private static int accessSize(Opcode op) {
        return switch (op) {
            case I32_LOAD8_S, I32_LOAD8_U, I64_LOAD8_S, I64_LOAD8_U, I32_STORE8, I64_STORE8 -> 1;
            case I32_LOAD16_S, I32_LOAD16_U, I64_LOAD16_S, I64_LOAD16_U, I32_STORE16, I64_STORE16 -> 2;
            case I32_LOAD, I64_LOAD32_S, I64_LOAD32_U, F32_LOAD, I32_STORE, I64_STORE32, F32_STORE -> 4;
            case I64_LOAD, F64_LOAD, I64_STORE, F64_STORE -> 8;
            default -> throw new IllegalStateException("not a scalar access: " + op);
        };
    }

    /** With the index on the stack. */
    private void load(Opcode op) {
        switch (op) {
            case I32_LOAD8_S -> loadByte();
            case I32_LOAD8_U -> {
                loadByte();
                Jvm.pushInt(mv, 0xFF);
                mv.visitInsn(IAND);
            }
            case I64_LOAD8_S -> {
                loadByte();
                mv.visitInsn(I2L);
            }
            case I64_LOAD8_U -> {
                loadByte();
                Jvm.pushInt(mv, 0xFF);
                mv.visitInsn(IAND);
                mv.visitInsn(I2L);
            }
            case I32_LOAD16_S -> unsafeGet("Short", "S");
            case I32_LOAD16_U -> {
                unsafeGet("Short", "S");
                Jvm.pushInt(mv, 0xFFFF);
                mv.visitInsn(IAND);
            }
            case I64_LOAD16_S -> {
                unsafeGet("Short", "S");
                mv.visitInsn(I2L);
            }
            case I64_LOAD16_U -> {
                unsafeGet("Short", "S");
                Jvm.pushInt(mv, 0xFFFF);
                mv.visitInsn(IAND);
                mv.visitInsn(I2L);
            }
            case I32_LOAD -> unsafeGet("Int", "I");
            case I64_LOAD32_S -> {
                unsafeGet("Int", "I");
                mv.visitInsn(I2L);
            }
            case I64_LOAD32_U -> {
                unsafeGet("Int", "I");
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
            case I64_LOAD -> unsafeGet("Long", "J");
            case F32_LOAD -> {
                unsafeGet("Int", "I");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F64_LOAD -> {
                unsafeGet("Long", "J");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
            default -> throw new IllegalStateException("not a scalar load: " + op);
        }
    }

    /** With the index on the stack and the value in {@code value}. */
    private void store(Opcode op, int value, ValType type) {
        unsafeTarget();
        mv.visitVarInsn(Jvm.load(type), value);
        switch (op) {
            case I32_STORE8, I64_STORE8 -> {
                if (type == ValType.I64) mv.visitInsn(L2I);
                mv.visitInsn(I2B);
                unsafePut("Byte", "B");
            }
            case I32_STORE16, I64_STORE16 -> {
                if (type == ValType.I64) mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                unsafePut("Short", "S");
            }
            case I32_STORE, I64_STORE32 -> {
                if (type == ValType.I64) mv.visitInsn(L2I);
                unsafePut("Int", "I");
            }
            case I64_STORE -> unsafePut("Long", "J");
            case F32_STORE -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                unsafePut("Int", "I");
            }
            case F64_STORE -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                unsafePut("Long", "J");
            }
            default -> throw new IllegalStateException("not a scalar store: " + op);
        }
    }

    private void loadByte() {
        unsafeGet("Byte", "B");
    }

    /** [checked index] → [value]: Unsafe's read (see Rt's accessors for why it is sound), in Wasm's byte order. */
    private void unsafeGet(String kind, String type) {
        unsafeTarget();
        mv.visitMethodInsn(INVOKEVIRTUAL, UNSAFE, "get" + kind, "(Ljava/lang/Object;J)" + type, false);
        swapBytes(kind, type);
    }

    /** [unsafe, array, address, value] → []. */
    private void unsafePut(String kind, String type) {
        swapBytes(kind, type);
        mv.visitMethodInsn(INVOKEVIRTUAL, UNSAFE, "put" + kind, "(Ljava/lang/Object;J" + type + ")V", false);
    }

    /** [checked index] → [unsafe, array, address]. */
    private void unsafeTarget() {
        mv.visitFieldInsn(GETSTATIC, Jvm.RT, "UNSAFE", "L" + UNSAFE + ";");
        mv.visitInsn(SWAP);
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitInsn(SWAP);
        mv.visitInsn(I2L);
        mv.visitFieldInsn(GETSTATIC, Jvm.RT, "BYTES", "J");
        mv.visitInsn(LADD);
    }

    /**
     * Unsafe reads and writes in the platform's byte order; on a big-endian one the value is
     * swapped to Wasm's little-endian order. Decided when the code is generated: the AOT cache
     * keeps the byte order in its entries' version ({@code AotCache}).
     */
    private void swapBytes(String kind, String type) {
        if (!Rt.BIG_ENDIAN || kind.equals("Byte")) return;
        String owner = switch (kind) {
            case "Short" -> "java/lang/Short";
            case "Int" -> "java/lang/Integer";
            default -> "java/lang/Long";
        };
        mv.visitMethodInsn(INVOKESTATIC, owner, "reverseBytes", "(" + type + ")" + type, false);
    }

    /** Opens the exception-table range of one access instruction; returns the label that closes it. */
    private Label begin() {
        if (outOfBounds == null) outOfBounds = new Label();
        Label start = new Label();
        Label end = new Label();
        mv.visitTryCatchBlock(start, end, outOfBounds, OUT_OF_RANGE);
        mv.visitLabel(start);
        return end;
    }

    /**
     * Emits the handler the accesses jump to (when there were any), where no code falls through
     * to it: {@code IndexOutOfBoundsException} → the out-of-bounds trap. In a function method it
     * must lie inside the range of the handler that adds the function's frame.
     */
    void emitHandler() {
        if (outOfBounds == null) return;
        mv.visitLabel(outOfBounds);
        mv.visitInsn(POP);
        mv.visitMethodInsn(INVOKESTATIC, Jvm.TRAPS, "outOfBounds", "()L" + Jvm.TRAP + ";", false);
        mv.visitInsn(ATHROW);
    }
}
