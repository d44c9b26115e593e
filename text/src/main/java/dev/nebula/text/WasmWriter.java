package dev.nebula.text;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that writes the binary format's primitives (spec 5.2: LEB128, floats,
 * names, vectors) and types (spec 5.3), always in their shortest form. The text parser and
 * {@link ModuleEncoder} both write through it, so there is one encoder of each of these.
 */
public final class WasmWriter {

    /** The magic {@code \0asm} and version 1 that open every module (spec 5.5.16). */
    private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private byte[] buf = new byte[64];
    private int size;

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }

    public WasmWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public WasmWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WasmWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public WasmWriter append(WasmWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** Unsigned LEB128 of a u32 or u64 (the value's bits, read as unsigned). */
    public WasmWriter u32(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Signed LEB128 (s32, s33, s64). */
    public WasmWriter s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = v == 0 && (b & 0x40) == 0 || v == -1 && (b & 0x40) != 0;
            u8(done ? b : b | 0x80);
            if (done) return this;
        }
    }

    public WasmWriter fixed32(int bits) {
        for (int i = 0; i < 4; i++) u8(bits >>> (8 * i));
        return this;
    }

    public WasmWriter fixed64(long bits) {
        for (int i = 0; i < 8; i++) u8((int) (bits >>> (8 * i)));
        return this;
    }

    public WasmWriter name(String s) {
        return byteString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A vector of bytes: length, then the bytes. */
    public WasmWriter byteString(byte[] b) {
        u32(b.length);
        return bytes(b);
    }

    /** A section: id, size, contents (spec 5.5.2). */
    public WasmWriter section(int id, WasmWriter contents) {
        u8(id);
        u32(contents.size);
        return append(contents);
    }

    /** The module preamble: magic and version (spec 5.5.16). */
    public WasmWriter preamble() {
        return bytes(PREAMBLE);
    }

    /** A value type's byte (spec 5.3.1-5.3.3). */
    public WasmWriter valType(ValType t) {
        return u8(t.code());
    }

    /** A vector of value types (spec 5.1.3, 5.3.4). */
    public WasmWriter valTypes(List<ValType> types) {
        u32(types.size());
        for (ValType t : types) valType(t);
        return this;
    }

    /** {@code 0x60}, parameter types, result types (spec 5.3.6). */
    public WasmWriter funcType(FuncType f) {
        return u8(0x60).valTypes(f.params()).valTypes(f.results());
    }

    /** Flag 0 and min, or flag 1, min and max (spec 5.3.7). */
    public WasmWriter limits(Limits l) {
        return l.hasMax() ? u8(1).u32(l.min()).u32(l.max()) : u8(0).u32(l.min());
    }

    /** Reference type, then limits (spec 5.3.9). */
    public WasmWriter tableType(TableType t) {
        return valType(t.elementType()).limits(t.limits());
    }

    /** Value type, then mutability 0 or 1 (spec 5.3.10). */
    public WasmWriter globalType(GlobalType g) {
        return valType(g.valType()).u8(g.mutable() ? 1 : 0);
    }
}
