package dev.nebula.runtime;

import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.ResourceLimitException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-store resource limits: growth past them fails softly and is remembered; creation past them is refused. */
class StoreLimitsTest {

    private static final Engine ENGINE = CodelessEngine.withMaxMemoryPages(100);

    @Test
    void memoryGrowthStopsAtTheStoreLimitAndTheStoreRemembers() {
        Store store = new Store(ENGINE, StoreLimits.DEFAULT.withMaxMemoryPages(3));
        Memory memory = new Memory(Limits.of(1), store);
        assertEquals(1, memory.grow(2));
        assertFalse(store.limitReached(), "growing up to the limit is fine");
        assertEquals(-1, memory.grow(1));
        assertTrue(store.limitReached());
        assertEquals(3, memory.pages());
    }

    @Test
    void theLowerOfTheStoreAndEngineLimitsWins() {
        assertEquals(100, new Store(ENGINE).memoryPageLimit());
        assertEquals(7, new Store(ENGINE, StoreLimits.DEFAULT.withMaxMemoryPages(7)).memoryPageLimit());
    }

    @Test
    void aDeclaredMaximumIsNotALimitOfTheEmbedder() {
        Store store = new Store(ENGINE);
        Memory memory = new Memory(Limits.of(1, 1), store);
        assertEquals(-1, memory.grow(1));
        assertFalse(store.limitReached(), "the module's own maximum refused it, not the store");
    }

    @Test
    void aHugeTableIsRefusedWithoutAllocating() {
        // (module (table 0x7ffffff0 funcref)) once made instantiation throw OutOfMemoryError.
        Store store = new Store(ENGINE);
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> new Table(store, ValType.FUNCREF, Limits.of(0x7ffffff0L), 0));
        assertTrue(e.getMessage().startsWith("resource limit exceeded: table of 2147483632 elements exceeds the limit"), e.getMessage());
        assertTrue(store.limitReached());
    }

    @Test
    void tableGrowthStopsAtTheStoreLimit() {
        Store store = new Store(ENGINE, StoreLimits.DEFAULT.withMaxTableElements(10));
        Table table = new Table(store, ValType.FUNCREF, Limits.of(4), 0);
        assertEquals(4, table.grow(6, 0));
        assertEquals(-1, table.grow(1, 0));
        assertEquals(10, table.size());
        assertTrue(store.limitReached());
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StoreLimits(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new StoreLimits(10, -1));
    }
}
