package dev.nebula.decoder;

import dev.nebula.wasm.MalformedModuleException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A cursor over module bytes that reads the binary format's values (spec 5.2): bytes, LEB128
 * integers with the exact length and unused-bit rules of spec 5.2.2, IEEE floats and UTF-8 names.
 * Every failure is a {@link MalformedModuleException} with the offending byte offset.
 */
public class ByteReader {

    /** Message when the bytes run out; the spec suite distinguishes a few contexts. */
    static final String UNEXPECTED_END = "unexpected end";
    static final String UNEXPECTED_END_OF_SECTION = "unexpected end of section or function";

    protected final byte[] bytes;
    protected int pos;
    protected final int limit;
    private String endMessage = UNEXPECTED_END;

    public ByteReader(byte[] bytes, int start, int limit) {
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
    }

    public final int position() {
        return pos;
    }

    public final void position(int newPosition) {
        pos = newPosition;
    }

    public final int limit() {
        return limit;
    }

    public final int remaining() {
        return limit - pos;
    }

    public final boolean atEnd() {
        return pos >= limit;
    }

    final void endMessage(String message) {
        endMessage = message;
    }

    final MalformedModuleException unexpectedEnd() {
        return new MalformedModuleException(endMessage, limit);
    }

    /** One byte, unsigned. */
    public final int u8() {
        if (pos >= limit) throw unexpectedEnd();
        return bytes[pos++] & 0xFF;
    }

    /** An unsigned 32-bit LEB128 integer (spec 5.2.2), as a non-negative long. */
    public final long u32() {
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) throw new MalformedModuleException("integer representation too long", start);
                if ((b & 0x70) != 0) throw new MalformedModuleException("integer too large", start);
                return result | ((long) b << 28);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /** A u32 used as an index or count; values past Integer.MAX_VALUE saturate so that range checks fail. */
    public final int u32AsInt() {
        long v = u32();
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /** A signed 32-bit LEB128 integer (spec 5.2.2): the unused bits of the fifth byte must extend the sign. */
    public final int s32() {
        int start = pos;
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) throw new MalformedModuleException("integer representation too long", start);
                int unused = b & 0x78;
                if (unused != 0 && unused != 0x78) throw new MalformedModuleException("integer too large", start);
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return used >= 32 ? result : (result << (32 - used)) >> (32 - used);
            }
        }
    }

    /** A signed 33-bit LEB128 integer, as block types use it (spec 5.4.1). */
    public final long s33() {
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) throw new MalformedModuleException("integer representation too long", start);
                int unused = b & 0x70;
                if (unused != 0 && unused != 0x70) throw new MalformedModuleException("integer too large", start);
                result |= (long) (b & 0x7F) << 28;
                return (result << 29) >> 29;
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return (result << (64 - used)) >> (64 - used);
            }
        }
    }

    /** A signed 64-bit LEB128 integer (spec 5.2.2): the tenth byte holds one bit and its sign extension. */
    public final long s64() {
        int start = pos;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) throw new MalformedModuleException("integer representation too long", start);
                if (b != 0 && b != 0x7F) throw new MalformedModuleException("integer too large", start);
                return result | ((long) b << 63);
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                int used = shift + 7;
                return (result << (64 - used)) >> (64 - used);
            }
        }
    }

    /** Four little-endian bytes (spec 5.2.3). */
    public final int fixed32() {
        if (limit - pos < 4) {
            pos = limit;
            throw unexpectedEnd();
        }
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16 | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Eight little-endian bytes (spec 5.2.3). */
    public final long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /** Skips {@code n} bytes that must all be present. */
    public final void skip(long n) {
        if (n > limit - pos) {
            pos = limit;
            throw unexpectedEnd();
        }
        pos += (int) n;
    }

    /**
     * A vector length (spec 5.1.3). Every element takes at least one byte, so a length beyond the
     * bytes left means the input ends early; checking here keeps allocations bounded by the input.
     */
    public final int length() {
        long n = u32();
        if (n > limit - pos) {
            pos = limit;
            throw unexpectedEnd();
        }
        return (int) n;
    }

    /** A name: a length-prefixed UTF-8 string (spec 5.2.4); invalid UTF-8 is malformed. */
    public final String name() {
        int start = pos;
        long declared = u32();
        if (declared > limit - pos) throw new MalformedModuleException("length out of bounds", start);
        int n = (int) declared;
        int from = pos;
        pos += n;
        if (isAscii(from, n)) return new String(bytes, from, n, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedModuleException("malformed UTF-8 encoding", start);
        }
    }

    /** Most names are ASCII, which is valid UTF-8 as it stands; skip the strict decoder for them. */
    private boolean isAscii(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (bytes[i] < 0) return false;
        }
        return true;
    }
}
