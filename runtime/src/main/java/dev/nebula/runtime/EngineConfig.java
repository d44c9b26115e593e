package dev.nebula.runtime;

/**
 * How an {@link Engine} runs code: which engine, and the limits every store it serves starts with.
 *
 * <p>{@code maxMemoryPages} caps every memory whatever its declared maximum. A memory is one Java
 * {@code byte[]}, so the hard ceiling is 32767 pages of 64 KiB (2 GiB less 64 KiB), which is also
 * the default; Wasm's own ceiling is 65536 pages (4 GiB). {@code maxCallDepth} bounds the Wasm
 * call stack, so runaway recursion ends in a "call stack exhausted" trap at a depth that does not
 * depend on the JVM's thread stack.
 */
public record EngineConfig(EngineKind engine, int maxCallDepth, int maxMemoryPages) {

    /** The most 64 KiB pages one {@code byte[]} can hold. */
    public static final int BYTE_ARRAY_PAGE_LIMIT = Integer.MAX_VALUE / 65536;

    public static final int DEFAULT_MAX_CALL_DEPTH = 20_000;

    public EngineConfig {
        if (engine == null) throw new IllegalArgumentException("engine must be set");
        if (maxCallDepth < 1) throw new IllegalArgumentException("maxCallDepth must be positive");
        if (maxMemoryPages < 0 || maxMemoryPages > BYTE_ARRAY_PAGE_LIMIT) {
            throw new IllegalArgumentException("maxMemoryPages must be within 0.." + BYTE_ARRAY_PAGE_LIMIT);
        }
    }

    public static EngineConfig defaults(EngineKind engine) {
        return new EngineConfig(engine, DEFAULT_MAX_CALL_DEPTH, BYTE_ARRAY_PAGE_LIMIT);
    }

    public EngineConfig withMaxCallDepth(int depth) {
        return new EngineConfig(engine, depth, maxMemoryPages);
    }

    public EngineConfig withMaxMemoryPages(int pages) {
        return new EngineConfig(engine, maxCallDepth, pages);
    }
}
