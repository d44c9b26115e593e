package dev.nebula.aot.internal;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.objectweb.asm.Opcodes.*;

/**
 * Emits the scalar loads and stores (spec 4.4.7) of one generated method in line: the sign test
 * of {@code Rt}'s helpers, then the array access or the byte-array view's {@code VarHandle} call
 * itself, inside an exception-table range whose handler turns the JVM's
 * {@code IndexOutOfBoundsException} into the out-of-bounds trap. The semantics are the helpers'
 * ({@link Rt#i32Load} and its kin): the index is {@code base + offset} as an {@code int}, a
 * negative operand or sum traps (the true unsigned sum is then 2^31 or more), the bound against
 * the length is the JVM's check, made before anything is read or written.
 *
 * <p>Why not the helpers: C2 stops inlining into a method once it has built
 * {@code NodeCountInliningCutoff} (18,000) nodes, counting the dead ones, and each helper call
 * costs about ten inlined methods' worth (the helper, its address check, the VarHandle's guard and
 * accessors); in a function of a few hundred accesses (richards' scheduler) the accesses past
 * that point became real calls. Here the {@code VarHandle} call site links to a
 * {@code @ForceInline} guard, which C2 inlines past that cutoff, and a byte access is one
 * instruction. Only functions with many accesses get this form ({@link #IN_LINE_FROM}).
 * {@code -Dnebula.aot.bench.memoryHelpers=true} (read once, a measurement switch, never a user
 * option) emits the helper calls everywhere.
 */
final class MemoryEmitter {

    static final boolean HELPERS = Boolean.getBoolean("nebula.aot.bench.memoryHelpers");

    /**
     * Functions with at least this many loads and stores get them in line; smaller ones keep the
     * helper calls, which are a third of the bytecode: a small function stays under C2's inlining
     * limits for its callers (325 bytes of bytecode at a hot call site), and is far from the node
     * cutoff anyway. {@code -Dnebula.aot.memory.inLineFrom=0} puts every access in line (how the
     * spec suite tests this class). Not lower: from 24 (and still from 64), tinygo-regex ran 2.5
     * times slower; from 150 it runs as with helpers everywhere while richards' scheduler (172
     * accesses) keeps its gain.
     */
    static final int IN_LINE_FROM = Integer.getInteger("nebula.aot.memory.inLineFrom", 150);

    /**
     * A function that is not split into regions also gets its accesses in line when an estimate
     * of the nodes C2 builds while inlining the helpers passes this many: C2's
     * {@code NodeCountInliningCutoff} (18,000), past which the rest of the helpers stay calls.
     * The estimate is {@link #NODES_PER_ACCESS} per access plus {@link #NODES_PER_BYTE} per Wasm
     * byte. Measured on CoreMark's list function (1,642 Wasm bytes, 102 accesses; C2's
     * {@code -XX:+LogCompilation}): the cutoff stopped the helpers at bytecode 1,455 of 2,177,
     * after 56 accesses, and the 46 accesses left as calls (in its merge sort, comparator
     * included) were 5% of CoreMark's time; in line, that function took 27 instead of 32 us per
     * iteration. Off by default ({@code -Dnebula.aot.memory.inLineNodes=18000} turns it on):
     * tinygo-regex then ran 2.5 times slower in about half the JVMs (31 against 12.5 ms per run),
     * the same unexplained slowdown as with a lower {@link #IN_LINE_FROM}.
     */
    static final int IN_LINE_NODES = Integer.getInteger("nebula.aot.memory.inLineNodes", Integer.MAX_VALUE);
    /** C2 nodes per helper access: the helper, its address check, the VarHandle's guard and accessors. */
    private static final int NODES_PER_ACCESS = 250;
    /** C2 nodes per Wasm byte of the rest of the code (about 3 bytes of bytecode each). */
    private static final int NODES_PER_BYTE = 4;

    /** Bytecode an in-line access may take beyond a helper call: the sign test and the view's call. */
    private static final int EXTRA_BYTES = 20;

    /**
     * Whether a method of a function of {@code codeSize} Wasm bytes with {@code accesses} loads
     * and stores gets them in line. Never in region methods: those are sized by Wasm bytes, at
     * about three bytes of bytecode each with helper calls, and the extra bytes of in-line
     * accesses took some of bz2's and rust-compression's past HotSpot's 8,000-byte
     * {@code HugeMethodLimit}. A function split into regions keeps at most {@link Outliner#BUDGET}
     * Wasm bytes of its own code, which chunks cut by measured size; one that is not split gets
     * them in line only while an estimate of its size stays well under the limit.
     */
    static boolean inLine(int accesses, int codeSize, boolean regionMethod) {
        if (HELPERS || regionMethod) return false;
        boolean split = codeSize > Outliner.BUDGET;
        boolean pastCutoff = !split && (long) NODES_PER_ACCESS * accesses + (long) NODES_PER_BYTE * codeSize > IN_LINE_NODES;
        if (accesses < IN_LINE_FROM && !pastCutoff) return false;
        return split || 3L * codeSize + (long) EXTRA_BYTES * accesses <= 7_000;
    }

    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String VAR_HANDLE_DESC = "L" + VAR_HANDLE + ";";
    private static final String OUT_OF_RANGE = "java/lang/IndexOutOfBoundsException";

    private final MethodVisitor mv;
    private final int memorySlot;
    /** The handler of this method's accesses; created with the first one. */
    private Label outOfBounds;

    MemoryEmitter(MethodVisitor mv, int memorySlot) {
        this.mv = mv;
        this.memorySlot = memorySlot;
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
            // a negative base with offset 0 fails the JVM's own check; with an offset it could
            // wrap into range, so the sign test of Rt's address()
            int base = scratch++;
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, base);
            Jvm.pushInt(mv, offset);
            mv.visitInsn(IADD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ILOAD, base);
            mv.visitInsn(IOR);
            Label inRange = new Label();
            mv.visitJumpInsn(IFGE, inRange);
            mv.visitMethodInsn(INVOKESTATIC, Jvm.TRAPS, "outOfBounds", "()L" + Jvm.TRAP + ";", false);
            mv.visitInsn(ATHROW);
            mv.visitLabel(inRange);
        }
        if (store) {
            store(op, valueSlot, valueType);
        } else {
            load(op);
        }
        return scratch;
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
            case I32_LOAD16_S -> viewGet("SHORT", "S");
            case I32_LOAD16_U -> {
                viewGet("SHORT", "S");
                Jvm.pushInt(mv, 0xFFFF);
                mv.visitInsn(IAND);
            }
            case I64_LOAD16_S -> {
                viewGet("SHORT", "S");
                mv.visitInsn(I2L);
            }
            case I64_LOAD16_U -> {
                viewGet("SHORT", "S");
                Jvm.pushInt(mv, 0xFFFF);
                mv.visitInsn(IAND);
                mv.visitInsn(I2L);
            }
            case I32_LOAD -> viewGet("INT", "I");
            case I64_LOAD32_S -> {
                viewGet("INT", "I");
                mv.visitInsn(I2L);
            }
            case I64_LOAD32_U -> {
                viewGet("INT", "I");
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
            case I64_LOAD -> viewGet("LONG", "J");
            case F32_LOAD -> {
                viewGet("INT", "I");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            }
            case F64_LOAD -> {
                viewGet("LONG", "J");
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
            default -> throw new IllegalStateException("not a scalar load: " + op);
        }
    }

    /** With the index on the stack and the value in {@code value}. */
    private void store(Opcode op, int value, ValType type) {
        switch (op) {
            case I32_STORE8, I64_STORE8 -> {
                mv.visitVarInsn(ALOAD, memorySlot);
                mv.visitInsn(SWAP);
                mv.visitVarInsn(Jvm.load(type), value);
                if (type == ValType.I64) mv.visitInsn(L2I);
                guarded(BASTORE);
            }
            case I32_STORE16, I64_STORE16 -> {
                viewTarget("SHORT");
                mv.visitVarInsn(Jvm.load(type), value);
                if (type == ValType.I64) mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                guardedView("set", "([BIS)V");
            }
            case I32_STORE, I64_STORE32 -> {
                viewTarget("INT");
                mv.visitVarInsn(Jvm.load(type), value);
                if (type == ValType.I64) mv.visitInsn(L2I);
                guardedView("set", "([BII)V");
            }
            case I64_STORE -> {
                viewTarget("LONG");
                mv.visitVarInsn(LLOAD, value);
                guardedView("set", "([BIJ)V");
            }
            case F32_STORE -> {
                viewTarget("INT");
                mv.visitVarInsn(FLOAD, value);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                guardedView("set", "([BII)V");
            }
            case F64_STORE -> {
                viewTarget("LONG");
                mv.visitVarInsn(DLOAD, value);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                guardedView("set", "([BIJ)V");
            }
            default -> throw new IllegalStateException("not a scalar store: " + op);
        }
    }

    private void loadByte() {
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitInsn(SWAP);
        guarded(BALOAD);
    }

    private void viewGet(String view, String result) {
        viewTarget(view);
        guardedView("get", "([BI)" + result);
    }

    /** [index] → [view, array, index]. */
    private void viewTarget(String view) {
        mv.visitFieldInsn(GETSTATIC, Jvm.RT, view, VAR_HANDLE_DESC);
        mv.visitInsn(SWAP);
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitInsn(SWAP);
    }

    private void guardedView(String access, String desc) {
        Label end = begin();
        mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, access, desc, false);
        mv.visitLabel(end);
    }

    private void guarded(int instruction) {
        Label end = begin();
        mv.visitInsn(instruction);
        mv.visitLabel(end);
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
