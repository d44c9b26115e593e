package dev.nebula.runtime;

/**
 * What one {@link Store} may allocate, as wasmtime's {@code ResourceLimiter} bounds it: memory
 * pages per memory and elements per table. Past a limit {@code memory.grow} and
 * {@code table.grow} return -1 (spec 4.4.7, 4.4.6: growth may fail) and the store remembers that
 * it happened ({@link Store#limitReached()}); instantiation that needs more fails with
 * {@link dev.nebula.wasm.ResourceLimitException}. The engine's own cap
 * ({@link EngineConfig#maxMemoryPages()}) still applies: the lower of the two wins.
 *
 * @param maxMemoryPages    the most 64 KiB pages any one memory of the store may have
 * @param maxTableElements  the most elements any one table of the store may have
 */
public record StoreLimits(int maxMemoryPages, long maxTableElements) {

    /**
     * A table is a {@code long[]}: ten million elements are 80 MB, far beyond what toolchains
     * emit (sqlite3 has a few hundred) and far below what would exhaust a host's heap.
     */
    public static final long DEFAULT_MAX_TABLE_ELEMENTS = 10_000_000;

    /** The byte-array ceiling for memories and {@link #DEFAULT_MAX_TABLE_ELEMENTS} for tables. */
    public static final StoreLimits DEFAULT = new StoreLimits(EngineConfig.BYTE_ARRAY_PAGE_LIMIT, DEFAULT_MAX_TABLE_ELEMENTS);

    public StoreLimits {
        if (maxMemoryPages < 0) throw new IllegalArgumentException("maxMemoryPages must not be negative");
        if (maxTableElements < 0) throw new IllegalArgumentException("maxTableElements must not be negative");
    }

    public StoreLimits withMaxMemoryPages(int pages) {
        return new StoreLimits(pages, maxTableElements);
    }

    public StoreLimits withMaxTableElements(long elements) {
        return new StoreLimits(maxMemoryPages, elements);
    }
}
