package dev.nebula.runtime;

import dev.nebula.decoder.model.Limits;
import dev.nebula.wasm.ResourceLimitException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linear memory (spec 4.2.8, 4.4.7): little-endian access, bounds at the last byte, growth limits. */
class MemoryTest {

    private static void assertOutOfBounds(Runnable access) {
        TrapException trap = assertThrows(TrapException.class, access::run);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
    }

    @Test
    void readsAndWritesLittleEndian() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        memory.writeInt(8, 0x11223344);
        assertEquals(0x44, memory.readByte(8));
        assertEquals(0x11, memory.readByte(11));
        memory.writeLong(16, 0x0102030405060708L);
        assertEquals(0x0506_0708, memory.readInt(16));
        assertEquals((short) 0x0708, memory.readShort(16));
    }

    @Test
    void theLastBytesAreReachableAndOneMoreIsNot() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        memory.writeInt(Memory.PAGE_SIZE - 4, 7);
        assertEquals(7, memory.readInt(Memory.PAGE_SIZE - 4));
        assertOutOfBounds(() -> memory.readInt(Memory.PAGE_SIZE - 3));
        assertOutOfBounds(() -> memory.writeLong(Memory.PAGE_SIZE - 7, 1));
    }

    @Test
    void effectiveAddressesAreUnsignedAndDoNotWrap() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        assertOutOfBounds(() -> memory.checkAccess(-1, 0, 1));
        assertOutOfBounds(() -> memory.checkAccess(1, 0xFFFF_FFFFL, 1));
        assertEquals(65535, memory.checkAccess(0, 65535, 1));
    }

    /**
     * Growing past the array's end reserves room (a quarter more, within the limits), which later
     * grows take without copying; the size stays the bound of every access and bulk operation,
     * and {@link Memory#buffer()} hands out an array exactly as long as the memory from then on.
     */
    @Test
    void growthKeepsRoomBeyondTheSizeButBoundsStayAtTheSize() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        assertEquals(Memory.PAGE_SIZE, memory.storage().length, "no room before the first growth");
        for (int pages = 1; pages < 20; pages++) {
            int size = pages * Memory.PAGE_SIZE;
            memory.writeInt(size - 4, pages);
            assertEquals(pages, memory.grow(1));
            size += Memory.PAGE_SIZE;
            assertEquals(size, memory.limit());
            assertEquals(pages + 1, memory.pages());
            assertTrue(memory.storage().length >= size);
            assertEquals(pages, memory.readInt(size - Memory.PAGE_SIZE - 4));
            assertEquals(0, memory.readLong(size - 8), "a page taken from the room is zero");
            assertOutOfBounds(() -> memory.readInt(memory.limit() - 3));
            assertOutOfBounds(() -> memory.readByte(memory.limit()));
            assertOutOfBounds(() -> memory.fill(memory.limit() - 1, (byte) 1, 2));
            assertOutOfBounds(() -> memory.copy(memory.limit() - 1, 0, 2));
            assertOutOfBounds(() -> memory.init(memory.limit() - 1, new byte[2], 0, 2));
        }
        assertTrue(memory.storage().length > memory.limit(), "20 pages grown one by one leave room");
        byte[] exact = memory.buffer();
        assertEquals(memory.limit(), exact.length);
        assertEquals(19, memory.readInt(19 * Memory.PAGE_SIZE - 4));
        assertEquals(20, memory.grow(1));
        assertEquals(memory.limit(), memory.buffer().length, "exact from then on");
        assertEquals(memory.limit(), memory.storage().length);

        Memory declared = new Memory(Limits.of(1, 2), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        assertEquals(1, declared.grow(1));
        assertEquals(2 * Memory.PAGE_SIZE, declared.storage().length, "no room past the declared maximum");
    }

    @Test
    void growStopsAtTheDeclaredMaximumAndAtTheEmbeddersCap() {
        Memory declared = new Memory(Limits.of(1, 3), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        assertEquals(1, declared.grow(2));
        assertEquals(3, declared.pages());
        assertEquals(-1, declared.grow(1));
        assertEquals(3, declared.grow(0));

        Memory capped = new Memory(Limits.of(0), 2);
        assertEquals(0, capped.grow(2));
        assertEquals(-1, capped.grow(1));
        assertEquals(-1, capped.grow(-1), "a delta of 2^32-1 pages is far past any limit");
    }

    @Test
    void growKeepsTheContents() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        memory.writeInt(100, 42);
        memory.grow(1);
        assertEquals(42, memory.readInt(100));
        assertEquals(0, memory.readInt(Memory.PAGE_SIZE + 100));
    }

    @Test
    void aMinimumAboveTheCapIsAResourceLimitNotATrap() {
        ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> new Memory(Limits.of(10), 5));
        assertEquals("resource limit exceeded: memory of 10 pages exceeds the limit of 5 pages", e.getMessage());
    }

    @Test
    void bulkOperationsCheckTheWholeRangeBeforeWriting() {
        Memory memory = new Memory(Limits.of(1), EngineConfig.BYTE_ARRAY_PAGE_LIMIT);
        byte[] segment = {1, 2, 3, 4};
        assertOutOfBounds(() -> memory.init(Memory.PAGE_SIZE - 2, segment, 0, 4));
        assertEquals(0, memory.readByte(Memory.PAGE_SIZE - 2), "nothing written before the trap");
        assertOutOfBounds(() -> memory.init(0, segment, 2, 3));
        memory.init(Memory.PAGE_SIZE, segment, 4, 0);

        memory.init(0, segment, 0, 4);
        memory.copy(1, 0, 4);
        assertArrayEquals(new byte[] {1, 1, 2, 3, 4}, memory.read(0, 5), "overlapping copy acts through a buffer");
        assertOutOfBounds(() -> memory.copy(Memory.PAGE_SIZE - 1, 0, 2));
        memory.fill(10, (byte) 9, 3);
        assertArrayEquals(new byte[] {9, 9, 9, 0}, memory.read(10, 4));
        assertOutOfBounds(() -> memory.fill(-1, (byte) 1, 1));
    }
}
