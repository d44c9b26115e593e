package dev.nebula.faas.wasm;

import dev.nebula.faas.FunctionLimits;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.StoreLimits;

/**
 * Each invocation's {@link Store}, under its function's limits.
 */
final class GuestStores {

    /**
     * Table elements one instance may hold: 8 MiB of references, far more than compiled C or Rust
     * programs use (their one table holds the address-taken functions), and comparable to the
     * default memory cap, so that a table cannot be the cheap way around it.
     */
    static final long MAX_TABLE_ELEMENTS = 1_000_000;

    private GuestStores() {
    }

    static Store create(Engine engine, FunctionLimits limits) {
        return new Store(engine, new StoreLimits(limits.maxMemoryPages(), MAX_TABLE_ELEMENTS));
    }
}
