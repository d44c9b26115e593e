package dev.nebula.interpreter.testkit;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;

import java.io.ByteArrayOutputStream;

/**
 * Assembles an instruction sequence (spec 5.4) for hand-built test modules. Each method appends
 * one instruction with its immediates encoded as the binary format wants them; {@link #op} takes
 * integer immediates in the order the spec lists them.
 */
public final class Code {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Code of() {
        return new Code();
    }

    /** An instruction whose immediates are all integers: indices, constants, or memarg (align, offset). */
    public Code op(Opcode op, long... immediates) {
        opcode(op);
        switch (op.immediate()) {
            case NONE -> { }
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM, DATA -> Leb.u32(out, immediates[0]);
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> {
                Leb.u32(out, immediates[0]);
                Leb.u32(out, immediates[1]);
            }
            case MEMARG -> {
                Leb.u32(out, immediates.length > 1 ? immediates[0] : 0);
                Leb.u32(out, immediates.length > 1 ? immediates[1] : immediates.length == 1 ? immediates[0] : 0);
            }
            case MEMARG_LANE -> {
                Leb.u32(out, immediates[0]);
                Leb.u32(out, immediates[1]);
                out.write((int) immediates[2]);
            }
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) out.write((int) immediates[i]);
            }
            case MEMORY -> out.write(0);
            case LANE -> out.write((int) immediates[0]);
            case MEMORY_INIT -> {
                Leb.u32(out, immediates[0]);
                out.write(0);
            }
            case MEMORY_COPY -> {
                out.write(0);
                out.write(0);
            }
            case I32 -> Leb.s64(out, (int) immediates[0]);
            case I64 -> Leb.s64(out, immediates[0]);
            case F32 -> fixed(immediates[0], 4);
            case F64 -> fixed(immediates[0], 8);
            case V128 -> {
                fixed(immediates.length > 0 ? immediates[0] : 0, 8);
                fixed(immediates.length > 1 ? immediates[1] : 0, 8);
            }
            default -> throw new IllegalArgumentException("use a dedicated method for " + op);
        }
        return this;
    }

    /** A memory instruction with offset {@code offset} and alignment 0 (always valid). */
    public Code mem(Opcode op, long offset) {
        return op(op, 0, offset);
    }

    public Code i32(int value) {
        return op(Opcode.I32_CONST, value);
    }

    public Code i64(long value) {
        return op(Opcode.I64_CONST, value);
    }

    public Code f32(float value) {
        return op(Opcode.F32_CONST, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL);
    }

    public Code f64(double value) {
        return op(Opcode.F64_CONST, Double.doubleToRawLongBits(value));
    }

    public Code get(int local) {
        return op(Opcode.LOCAL_GET, local);
    }

    public Code set(int local) {
        return op(Opcode.LOCAL_SET, local);
    }

    public Code tee(int local) {
        return op(Opcode.LOCAL_TEE, local);
    }

    public Code call(int function) {
        return op(Opcode.CALL, function);
    }

    /** block, loop or if with no parameters or results. */
    public Code block(Opcode op) {
        opcode(op);
        out.write(0x40);
        return this;
    }

    /** block, loop or if producing one {@code result}. */
    public Code block(Opcode op, ValType result) {
        opcode(op);
        out.write(result.code());
        return this;
    }

    /** block, loop or if typed by the function type {@code typeIndex} (multi-value, spec 5.4.1). */
    public Code blockType(Opcode op, int typeIndex) {
        opcode(op);
        Leb.s64(out, typeIndex);
        return this;
    }

    public Code end() {
        return op(Opcode.END);
    }

    public Code brTable(int defaultLabel, int... labels) {
        opcode(Opcode.BR_TABLE);
        Leb.u32(out, labels.length);
        for (int l : labels) Leb.u32(out, l);
        Leb.u32(out, defaultLabel);
        return this;
    }

    public Code refNull(ValType type) {
        opcode(Opcode.REF_NULL);
        out.write(type.code());
        return this;
    }

    public Code selectTyped(ValType type) {
        opcode(Opcode.SELECT_T);
        out.write(1);
        out.write(type.code());
        return this;
    }

    /** Raw bytes, for instructions this helper does not know. */
    public Code raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void opcode(Opcode op) {
        if (op.prefix() != 0) {
            out.write(op.prefix());
            Leb.u32(out, op.code());
        } else {
            out.write(op.code());
        }
    }

    private void fixed(long bits, int n) {
        for (int i = 0; i < n; i++) out.write((int) (bits >>> (8 * i)) & 0xFF);
    }
}
