package dev.nebula.runtime;

import dev.nebula.decoder.model.Limits;
import dev.nebula.wasm.ResourceLimitException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A linear memory (spec 4.2.8): a little-endian {@code byte[]} of whole 64 KiB pages. Every
 * access is bounds-checked against the current size and traps with "out of bounds memory access";
 * an effective address is the unsigned 32-bit operand plus the unsigned offset, computed in a
 * long so it cannot wrap (spec 4.4.7).
 *
 * <p>The array may be longer than the memory ({@link #storage()} and {@link #limit()}): a growth
 * past the array's end allocates a quarter more than asked, so that a program growing a page at a
 * time (Rust's allocator: rust-json grows 47 times by one page per run) copies its memory a few
 * times instead of at every grow. The room beyond the size is never written (every access is
 * checked against the size), so it is still zero when a grow takes it. Code that bounds its
 * accesses by the array's length instead calls {@link #buffer()}, which trims the array to the size
 * and keeps it exact from then on.
 */
public final class Memory implements Extern {

    public static final int PAGE_SIZE = 65536;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Share of the size a growth past the array's end reserves beyond what it asks for, in
     * percent ({@code -Dnebula.memory.growthReserve}, read once). 25: rust-json, growing from 62
     * to 109 pages one page at a time and then by doubling, copies its memory 6 times per run
     * instead of 54, for at most a quarter more heap; 0 allocates exactly what is asked.
     */
    private static final int GROWTH_RESERVE = Math.max(0, Integer.getInteger("nebula.memory.growthReserve", 25));

    /** The backing array: {@link #size} bytes of memory, then zeroes never written (the room to grow into). */
    private byte[] bytes;
    /** The memory's size in bytes, a whole number of pages; the bound of every access. */
    private int size;
    /** Set once something bounds accesses by the array's length ({@link #buffer()}): no room kept from then on. */
    private boolean exact;
    private final long declaredMax;
    private final boolean hasDeclaredMax;
    private final int pageLimit;
    private final Store store;

    /**
     * A memory of {@code store}, under its {@linkplain Store#memoryPageLimit() page limit}; a
     * refused growth is {@linkplain Store#noteLimitReached() noted} in the store.
     *
     * @throws ResourceLimitException when the minimum exceeds the limit or cannot be allocated
     */
    public Memory(Limits limits, Store store) {
        this(limits, store.memoryPageLimit(), store);
    }

    /**
     * A memory owned by no store, capped at {@code pageLimit} pages.
     *
     * @param limits    the memory type's limits, in pages
     * @param pageLimit the embedder's cap (at most {@link EngineConfig#BYTE_ARRAY_PAGE_LIMIT})
     * @throws ResourceLimitException when the minimum exceeds the limit or cannot be allocated
     */
    public Memory(Limits limits, int pageLimit) {
        this(limits, pageLimit, null);
    }

    private Memory(Limits limits, int pageLimit, Store store) {
        this.declaredMax = limits.hasMax() ? limits.max() : 65536;
        this.hasDeclaredMax = limits.hasMax();
        this.pageLimit = Math.min(pageLimit, EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        this.store = store;
        if (limits.min() > this.pageLimit) {
            if (store != null) store.noteLimitReached();
            throw new ResourceLimitException("memory of " + limits.min() + " pages exceeds the limit of " + this.pageLimit + " pages");
        }
        byte[] initial = allocate((int) limits.min());
        if (initial == null) throw new ResourceLimitException("memory of " + limits.min() + " pages could not be allocated");
        this.bytes = initial;
        this.size = initial.length;
    }

    /**
     * A zeroed array of {@code pages} pages, or null when the JVM's heap cannot hold it. One large
     * array is the only thing allocated, so failing here harms nothing else; the guest sees a
     * failed {@code memory.grow} instead of the host dying.
     */
    private byte[] allocate(int pages) {
        try {
            return new byte[pages * PAGE_SIZE];
        } catch (OutOfMemoryError heapFull) {
            if (store != null) store.noteLimitReached();
            return null;
        }
    }

    /** Current size in pages. */
    public int pages() {
        return size / PAGE_SIZE;
    }

    /** The declared maximum in pages (65536 when none was declared). */
    public long maxPages() {
        return declaredMax;
    }

    /** Whether the memory type declared a maximum (import matching needs to know, spec 4.5.2). */
    public boolean hasDeclaredMax() {
        return hasDeclaredMax;
    }

    /**
     * The memory's bytes, in an array exactly as long as the memory, so that its length bounds
     * accesses; it is replaced on grow, so engines re-read it after anything that may grow. The
     * first call trims away the room kept to grow into, and later grows allocate exactly.
     */
    public byte[] buffer() {
        if (!exact) {
            if (bytes.length != size) bytes = java.util.Arrays.copyOf(bytes, size);
            exact = true;
        }
        return bytes;
    }

    /**
     * The backing array, which may be longer than the memory: only its first {@link #limit()}
     * bytes are the memory, and every access must be checked against that limit, not the
     * array's length. Replaced on grow (and by {@link #buffer()}): re-read it, with the limit,
     * after anything that may grow.
     */
    public byte[] storage() {
        return bytes;
    }

    /** The memory's size in bytes (at most 2^31 - 2^16, see {@link EngineConfig#BYTE_ARRAY_PAGE_LIMIT}). */
    public int limit() {
        return size;
    }

    /**
     * Grows by {@code delta} pages (spec 4.4.7 memory.grow): the old size, or -1 when it cannot,
     * past the declared maximum, the embedder's page limit, or what the heap can hold.
     */
    public int grow(int delta) {
        int old = pages();
        long wanted = (long) old + (delta & 0xFFFFFFFFL);
        if (wanted > declaredMax) return -1;
        if (wanted > pageLimit) {
            if (store != null) store.noteLimitReached();
            return -1;
        }
        if (delta != 0) {
            int grownSize = (int) wanted * PAGE_SIZE;
            if (grownSize > bytes.length) {
                long reserve = exact ? wanted : Math.min(wanted + wanted * GROWTH_RESERVE / 100, Math.min(declaredMax, pageLimit));
                byte[] grown = reserve > wanted ? grownCopy((int) reserve, false) : null;
                if (grown == null) grown = grownCopy((int) wanted, true);
                if (grown == null) return -1;
                bytes = grown;
            }
            size = grownSize;
        }
        return old;
    }

    /**
     * The bytes, copied into a zeroed array of {@code pages} pages, or null when the heap cannot
     * hold it (noted in the store when {@code last}, the exact size, is what failed).
     * {@code Arrays.copyOf} rather than a new array and a copy: compiled, the JIT then zeroes only
     * the new tail instead of the whole array before copying over most of it.
     */
    private byte[] grownCopy(int pages, boolean last) {
        try {
            return java.util.Arrays.copyOf(bytes, pages * PAGE_SIZE);
        } catch (OutOfMemoryError heapFull) {
            if (last && store != null) store.noteLimitReached();
            return null;
        }
    }

    /** Effective address of an access of {@code size} bytes at {@code address + offset}, or a trap. */
    public int checkAccess(int address, long offset, int size) {
        long ea = (address & 0xFFFFFFFFL) + offset;
        if (ea + size > this.size) throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        return (int) ea;
    }

    public byte readByte(int address) {
        return bytes[checkAccess(address, 0, 1)];
    }

    public short readShort(int address) {
        return (short) SHORT.get(bytes, checkAccess(address, 0, 2));
    }

    public int readInt(int address) {
        return (int) INT.get(bytes, checkAccess(address, 0, 4));
    }

    public long readLong(int address) {
        return (long) LONG.get(bytes, checkAccess(address, 0, 8));
    }

    public void writeByte(int address, byte value) {
        bytes[checkAccess(address, 0, 1)] = value;
    }

    public void writeShort(int address, short value) {
        SHORT.set(bytes, checkAccess(address, 0, 2), value);
    }

    public void writeInt(int address, int value) {
        INT.set(bytes, checkAccess(address, 0, 4), value);
    }

    public void writeLong(int address, long value) {
        LONG.set(bytes, checkAccess(address, 0, 8), value);
    }

    /** Copies {@code length} bytes out of memory, bounds-checked. */
    public byte[] read(int address, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, checkAccess(address, 0, length), out, 0, length);
        return out;
    }

    /** Copies {@code data} into memory, bounds-checked. */
    public void write(int address, byte[] data) {
        System.arraycopy(data, 0, bytes, checkAccess(address, 0, data.length), data.length);
    }

    /** memory.init / active data: copies part of a segment in (spec 4.4.7), trapping before any write. */
    public void init(int destination, byte[] segment, int sourceOffset, int length) {
        long src = sourceOffset & 0xFFFFFFFFL;
        long len = length & 0xFFFFFFFFL;
        long dst = destination & 0xFFFFFFFFL;
        if (src + len > segment.length || dst + len > size) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        System.arraycopy(segment, (int) src, bytes, (int) dst, (int) len);
    }

    /** memory.copy (spec 4.4.7): overlapping ranges copy as if through a buffer. */
    public void copy(int destination, int source, int length) {
        long len = length & 0xFFFFFFFFL;
        long dst = destination & 0xFFFFFFFFL;
        long src = source & 0xFFFFFFFFL;
        if (src + len > size || dst + len > size) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        }
        System.arraycopy(bytes, (int) src, bytes, (int) dst, (int) len);
    }

    /** memory.fill (spec 4.4.7). */
    public void fill(int destination, byte value, int length) {
        long len = length & 0xFFFFFFFFL;
        long dst = destination & 0xFFFFFFFFL;
        if (dst + len > size) throw new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
        java.util.Arrays.fill(bytes, (int) dst, (int) (dst + len), value);
    }
}
