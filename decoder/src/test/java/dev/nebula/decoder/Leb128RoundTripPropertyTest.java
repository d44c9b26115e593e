package dev.nebula.decoder;

import dev.nebula.decoder.testkit.Encode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every value of each LEB128 type reads back from its minimal encoding and from every padded
 * encoding that still fits the type's byte limit (spec 5.2.2 allows both).
 */
class Leb128RoundTripPropertyTest {

    @Property(tries = 300)
    void u32(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long value, @ForAll @IntRange(min = 1, max = 5) int padTo) {
        assertEquals(value, reader(Encode.u32(value)).u32());
        byte[] padded = Encode.u32Padded(value, Math.max(padTo, Encode.u32(value).length));
        ByteReader in = reader(padded);
        assertEquals(value, in.u32());
        assertEquals(padded.length, in.position());
    }

    @Property(tries = 300)
    void s32(@ForAll int value, @ForAll @IntRange(min = 1, max = 5) int padTo) {
        assertEquals(value, reader(Encode.sleb(value)).s32());
        byte[] padded = Encode.slebPadded(value, Math.max(padTo, Encode.sleb(value).length));
        assertEquals(value, reader(padded).s32());
    }

    @Property(tries = 300)
    void s33(@ForAll @LongRange(min = -(1L << 32), max = (1L << 32) - 1) long value,
             @ForAll @IntRange(min = 1, max = 5) int padTo) {
        assertEquals(value, reader(Encode.sleb(value)).s33());
        byte[] padded = Encode.slebPadded(value, Math.max(padTo, Encode.sleb(value).length));
        assertEquals(value, reader(padded).s33());
    }

    @Property(tries = 300)
    void s64(@ForAll long value, @ForAll @IntRange(min = 1, max = 10) int padTo) {
        assertEquals(value, reader(Encode.sleb(value)).s64());
        byte[] padded = Encode.slebPadded(value, Math.max(padTo, Encode.sleb(value).length));
        assertEquals(value, reader(padded).s64());
    }

    private static ByteReader reader(byte[] bytes) {
        return new ByteReader(bytes, 0, bytes.length);
    }
}
