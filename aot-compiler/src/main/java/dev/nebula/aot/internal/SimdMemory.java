package dev.nebula.aot.internal;

import dev.nebula.runtime.ops.Traps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Memory access of the SIMD loads and stores (spec 4.4.7) for compiled code: one bounds check of
 * the whole access first ({@link #address}), with the same out-of-bounds trap as the scalar
 * accesses of {@link Rt}, then plain little-endian reads and writes at the checked address. A
 * 16-byte access is checked as one, so a store that does not fit writes nothing.
 */
public final class SimdMemory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MASK = 0xFFFF_FFFFL;

    private SimdMemory() {
    }

    /**
     * The effective address (spec 4.4.7): the i32 operand plus the offset, both unsigned, in a
     * long so it cannot wrap; traps unless {@code size} bytes from it lie within {@code limit},
     * the memory's size (its array may be longer).
     */
    public static int address(int base, int offset, int limit, int size) {
        long ea = (base & MASK) + (offset & MASK);
        if (ea > limit - size) throw Traps.outOfBounds();
        return (int) ea;
    }

    public static int byteAt(byte[] m, int ea) {
        return m[ea];
    }

    public static int shortAt(byte[] m, int ea) {
        return (short) SHORT.get(m, ea);
    }

    public static int intAt(byte[] m, int ea) {
        return (int) INT.get(m, ea);
    }

    public static long longAt(byte[] m, int ea) {
        return (long) LONG.get(m, ea);
    }

    public static void putByte(byte[] m, int ea, int v) {
        m[ea] = (byte) v;
    }

    public static void putShort(byte[] m, int ea, int v) {
        SHORT.set(m, ea, (short) v);
    }

    public static void putInt(byte[] m, int ea, int v) {
        INT.set(m, ea, v);
    }

    public static void putLong(byte[] m, int ea, long v) {
        LONG.set(m, ea, v);
    }
}
