package dev.nebula.runtime;

import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tables (spec 4.2.7, 4.4.6): handles, bounds, growth and bulk operations. */
class TableTest {

    private final Store store = new Store(null);

    private static void assertOutOfBounds(Runnable access) {
        TrapException trap = assertThrows(TrapException.class, access::run);
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, trap.kind());
    }

    @Test
    void holdsReferencesAsStoreHandles() {
        Table table = new Table(store, ValType.EXTERNREF, Limits.of(2), 0);
        Object host = new Object();
        table.set(1, host);
        assertSame(host, table.get(1));
        assertNull(table.get(0));
        assertEquals(store.handleOf(host), table.getHandle(1));
        assertOutOfBounds(() -> table.get(2));
        assertOutOfBounds(() -> table.setHandle(-1, 0));
    }

    @Test
    void growFillsWithTheInitialValueUpToTheMaximum() {
        Table table = new Table(store, ValType.FUNCREF, Limits.of(1, 3), 0);
        long h = store.handleOf("x");
        assertEquals(1, table.grow(2, h));
        assertEquals(h, table.getHandle(2));
        assertEquals(0, table.getHandle(0));
        assertEquals(-1, table.grow(1, h));
        assertEquals(-1, table.grow(-1, h));
    }

    @Test
    void bulkOperationsCheckTheWholeRangeFirst() {
        Table table = new Table(store, ValType.FUNCREF, Limits.of(4), 0);
        long[] segment = {5, 6, 7};
        assertOutOfBounds(() -> table.init(2, segment, 0, 3));
        assertEquals(0, table.getHandle(2), "nothing written before the trap");
        table.init(1, segment, 0, 3);
        table.init(4, segment, 3, 0);
        Table.copy(table, 0, table, 1, 3);
        assertEquals(7, table.getHandle(2));
        assertOutOfBounds(() -> Table.copy(table, 3, table, 0, 2));
        table.fill(0, 9, 4);
        assertEquals(9, table.getHandle(3));
        assertOutOfBounds(() -> table.fill(3, 9, 2));
    }
}
