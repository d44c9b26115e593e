package dev.nebula.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes the binary format's primitives (spec 5.2): LEB128, floats, names, vectors. */
public final class WasmWriter {

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
}
