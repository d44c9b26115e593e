package dev.nebula.wasi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** args_* and environ_*: counts, sizes with NULs, pointer arrays and exact buffer bytes. */
class ArgsEnvTest {

    @Test
    void argsAreNulTerminatedUtf8WithPointersIntoTheBuffer() {
        Guest g = new Guest(WasiConfig.builder().args("prog", "é", "").build());
        int sizes = g.alloc(8);
        assertEquals(0, g.call("args_sizes_get", sizes, sizes + 4));
        assertEquals(3, g.i32(sizes));
        assertEquals(5 + 3 + 1, g.i32(sizes + 4));

        int argv = g.alloc(12);
        int buf = g.alloc(9);
        assertEquals(0, g.call("args_get", argv, buf));
        assertArrayEquals(new byte[] {'p', 'r', 'o', 'g', 0, (byte) 0xC3, (byte) 0xA9, 0, 0}, g.bytes(buf, 9));
        assertEquals(buf, g.i32(argv));
        assertEquals(buf + 5, g.i32(argv + 4));
        assertEquals(buf + 8, g.i32(argv + 8));
    }

    @Test
    void environmentEntriesAreNameEqualsValue() {
        Guest g = new Guest(WasiConfig.builder().env("A", "1").env("B", "x=y").build());
        int sizes = g.alloc(8);
        assertEquals(0, g.call("environ_sizes_get", sizes, sizes + 4));
        assertEquals(2, g.i32(sizes));
        assertEquals(4 + 6, g.i32(sizes + 4));
        int env = g.alloc(8);
        int buf = g.alloc(10);
        assertEquals(0, g.call("environ_get", env, buf));
        assertEquals("A=1\0B=x=y\0", g.text(buf, 10));
        assertEquals(buf + 4, g.i32(env + 4));
    }

    @Test
    void aBufferOutsideMemoryIsEfaultAndWritesNothing() {
        Guest g = new Guest(WasiConfig.builder().args("prog").build());
        int argv = g.alloc(4);
        assertEquals(21, g.call("args_get", argv, 65535));
        assertEquals(0, g.i32(argv));
        assertEquals(21, g.call("args_sizes_get", 65534, 0));
    }
}
