package dev.nebula.runtime;

import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.ResourceLimitException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;

import java.util.Arrays;

/**
 * A table of references (spec 4.2.7). Elements are store reference handles ({@link Store#handleOf}),
 * 0 for null, so that engines keep every value in a {@code long}. Accesses are bounds-checked and
 * trap with "out of bounds table access".
 */
public final class Table implements Extern {

    private final ValType elementType;
    private final long declaredMax;
    private final boolean hasDeclaredMax;
    private final Store store;
    private long[] elements;

    public Table(Store store, ValType elementType, Limits limits, long initialHandle) {
        this.store = store;
        this.elementType = elementType;
        this.declaredMax = limits.hasMax() ? limits.max() : 0xFFFF_FFFFL;
        this.hasDeclaredMax = limits.hasMax();
        if (limits.min() > elementLimit()) {
            store.noteLimitReached();
            throw new ResourceLimitException("table of " + limits.min() + " elements exceeds the limit of " + elementLimit() + " elements");
        }
        long[] initial = allocate((int) limits.min());
        if (initial == null) throw new ResourceLimitException("table of " + limits.min() + " elements could not be allocated");
        this.elements = initial;
        if (initialHandle != 0) Arrays.fill(elements, initialHandle);
    }

    /** The store's element cap, and never more than a Java array holds. */
    private long elementLimit() {
        return Math.min(store.limits().maxTableElements(), Integer.MAX_VALUE - 8);
    }

    /** A table array of {@code size} elements, or null when the heap cannot hold it (see {@link Memory}). */
    private long[] allocate(int size) {
        try {
            return new long[size];
        } catch (OutOfMemoryError heapFull) {
            store.noteLimitReached();
            return null;
        }
    }

    public ValType elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    public long maxSize() {
        return declaredMax;
    }

    /** Whether the table type declared a maximum (import matching needs to know, spec 4.5.2). */
    public boolean hasDeclaredMax() {
        return hasDeclaredMax;
    }

    public Store store() {
        return store;
    }

    /** The handle at {@code index}, or a trap. */
    public long getHandle(int index) {
        if (index < 0 || index >= elements.length) throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        return elements[index];
    }

    public void setHandle(int index, long handle) {
        if (index < 0 || index >= elements.length) throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        elements[index] = handle;
    }

    /** The referenced object at {@code index}: a {@link WasmFunction}, a host object, or null. */
    public Object get(int index) {
        return store.objectOf(getHandle(index));
    }

    public void set(int index, Object reference) {
        setHandle(index, store.handleOf(reference));
    }

    /**
     * table.grow (spec 4.4.6): the old size, or -1 when the table cannot grow that far: past its
     * declared maximum, the store's element limit, or what the heap can hold.
     */
    public int grow(int delta, long initHandle) {
        int old = elements.length;
        long wanted = (long) old + (delta & 0xFFFFFFFFL);
        if (wanted > declaredMax) return -1;
        if (wanted > elementLimit()) {
            store.noteLimitReached();
            return -1;
        }
        long[] grown = allocate((int) wanted);
        if (grown == null) return -1;
        System.arraycopy(elements, 0, grown, 0, old);
        if (initHandle != 0) Arrays.fill(grown, old, grown.length, initHandle);
        elements = grown;
        return old;
    }

    /** table.fill (spec 4.4.6). */
    public void fill(int start, long handle, int length) {
        long end = (start & 0xFFFFFFFFL) + (length & 0xFFFFFFFFL);
        if (end > elements.length) throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        Arrays.fill(elements, start, (int) end, handle);
    }

    /** table.copy (spec 4.4.6), overlap-safe. */
    public static void copy(Table destination, int dst, Table source, int src, int length) {
        long len = length & 0xFFFFFFFFL;
        if ((src & 0xFFFFFFFFL) + len > source.elements.length || (dst & 0xFFFFFFFFL) + len > destination.elements.length) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        System.arraycopy(source.elements, src, destination.elements, dst, (int) len);
    }

    /** table.init / active element segments (spec 4.4.6), trapping before any write. */
    public void init(int dst, long[] segment, int src, int length) {
        long len = length & 0xFFFFFFFFL;
        if ((src & 0xFFFFFFFFL) + len > segment.length || (dst & 0xFFFFFFFFL) + len > elements.length) {
            throw new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
        }
        System.arraycopy(segment, src, elements, dst, (int) len);
    }
}
