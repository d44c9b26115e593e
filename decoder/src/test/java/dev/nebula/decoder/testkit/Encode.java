package dev.nebula.decoder.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encoders for the binary format's values (spec 5.1-5.2), written independently of the decoder
 * so that a test states its input as bytes rather than through the code under test.
 */
public final class Encode {

    private Encode() {
    }

    /** Bytes from ints, so that tests can write {@code bytes(0x60, 0x00)} without casts. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    /** Bytes from hex pairs, spaces allowed: {@code hex("00 61 73 6d")}. */
    public static byte[] hex(String pairs) {
        String digits = pairs.replace(" ", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    /** Minimal unsigned LEB128 (spec 5.2.2). */
    public static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** Unsigned LEB128 padded with redundant continuation bytes to exactly {@code length} bytes. */
    public static byte[] u32Padded(long value, int length) {
        byte[] out = new byte[length];
        long v = value;
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ((v & 0x7F) | (i < length - 1 ? 0x80 : 0));
            v >>>= 7;
        }
        return out;
    }

    /** Minimal signed LEB128 of any width up to 64 bits (s32, s33 and s64 share the encoding). */
    public static byte[] sleb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) return out.toByteArray();
        }
    }

    /** Signed LEB128 padded to exactly {@code length} bytes with sign-extension bytes. */
    public static byte[] slebPadded(long value, int length) {
        byte[] out = new byte[length];
        long v = value;
        for (int i = 0; i < length; i++) {
            out[i] = (byte) ((v & 0x7F) | (i < length - 1 ? 0x80 : 0));
            v >>= 7;
        }
        return out;
    }

    /** A vector (spec 5.1.3): the item count as u32, then the items. */
    public static byte[] vec(byte[]... items) {
        return concat(u32(items.length), concat(items));
    }

    /** A vector of single bytes, e.g. value types or function indices below 128. */
    public static byte[] vecOfBytes(int... items) {
        return concat(u32(items.length), bytes(items));
    }

    /** A name (spec 5.2.4): byte length, then UTF-8. */
    public static byte[] name(String text) {
        return bytesWithLength(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes preceded by their length, as names, data segments and function bodies are. */
    public static byte[] bytesWithLength(byte[] content) {
        return concat(u32(content.length), content);
    }

    /** Little-endian four bytes (spec 5.2.3). */
    public static byte[] fixed32(int value) {
        return bytes(value, value >>> 8, value >>> 16, value >>> 24);
    }

    /** Little-endian eight bytes (spec 5.2.3). */
    public static byte[] fixed64(long value) {
        return concat(fixed32((int) value), fixed32((int) (value >>> 32)));
    }
}
