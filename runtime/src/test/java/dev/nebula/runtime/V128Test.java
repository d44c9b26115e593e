package dev.nebula.runtime;

import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The embedder's v128: lanes little-endian across the two halves, moved through long[] slots unchanged. */
class V128Test {

    @Test
    void lanesAreLittleEndianAcrossTheHalves() {
        V128 v = V128.ofI32x4(1, 2, 3, -4);
        assertEquals(0x0000_0002_0000_0001L, v.low());
        assertEquals(0xFFFF_FFFC_0000_0003L, v.high());
        assertEquals(-4, v.i32Lane(3));
        assertEquals(2, v.i16Lane(2));
        assertEquals(3, v.i8Lane(8));
        assertEquals(-1, v.i8Lane(15));
        assertEquals("0xfffffffc000000030000000200000001", v.toString());
    }

    @Test
    void everyShapeReadsBackWhatBuiltIt() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) bytes[i] = (byte) (i * 17 - 100);
        V128 b = V128.ofI8x16(bytes);
        for (int i = 0; i < 16; i++) assertEquals(bytes[i], b.i8Lane(i));
        assertArrayEquals(bytes, b.toBytes());
        V128 s = V128.ofI16x8((short) 1, (short) -2, (short) 3, (short) -4, (short) 5, (short) -6, (short) 7, Short.MIN_VALUE);
        assertEquals(Short.MIN_VALUE, s.i16Lane(7));
        assertEquals(-6, s.i16Lane(5));
        V128 l = V128.ofI64x2(Long.MIN_VALUE, 7);
        assertEquals(Long.MIN_VALUE, l.i64Lane(0));
        assertEquals(7, l.i64Lane(1));
    }

    @Test
    void floatLanesKeepTheirBitsNaNPayloadsIncluded() {
        float payloadNaN = Float.intBitsToFloat(0x7FC0_0001);
        V128 f = V128.ofF32x4(1.5f, -0.0f, payloadNaN, Float.NEGATIVE_INFINITY);
        assertEquals(0x7FC0_0001, Float.floatToRawIntBits(f.f32Lane(2)));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f.f32Lane(1)));
        V128 d = V128.ofF64x2(0.1, Double.longBitsToDouble(0x7FF0_0000_0000_0001L));
        assertEquals(0.1, d.f64Lane(0));
        assertEquals(0x7FF0_0000_0000_0001L, Double.doubleToRawLongBits(d.f64Lane(1)));
    }

    @Test
    void valuesMoveThroughArgumentSlotsUnchanged() {
        List<ValType> params = List.of(ValType.I32, ValType.V128, ValType.F64);
        long[] args = new long[ValueSlots.count(params)];
        assertEquals(4, args.length);
        assertEquals(1, ValueSlots.offset(params, 1));
        assertEquals(3, ValueSlots.offset(params, 2));
        V128 v = V128.ofI32x4(9, 8, 7, 6);
        v.writeTo(args, ValueSlots.offset(params, 1));
        assertEquals(v, V128.readFrom(args, 1));
    }

    @Test
    void wrongLaneCountsAndIndicesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> V128.ofI32x4(1, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> V128.ZERO.i32Lane(4));
        assertThrows(IndexOutOfBoundsException.class, () -> V128.ZERO.i8Lane(-1));
    }
}
