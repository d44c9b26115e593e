package dev.nebula.wasi.internal;

import dev.nebula.wasi.WasiConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The function table and the bodies looked up by name on a first call are two lists: every name
 * in the table must have a body, or a program calling it would fail only at run time.
 */
class Preview1BodiesTest {

    private final Preview1 preview1 = new Preview1(new WasiContext(WasiConfig.builder().build()));

    @Test
    void everyFunctionButProcExitHasABody() {
        assertEquals(46, preview1.functions().size());
        for (String name : preview1.functions().keySet()) {
            if (name.equals("proc_exit")) assertNull(preview1.body(name), name);
            else assertNotNull(preview1.body(name), name);
        }
    }

    @Test
    void anUnknownNameHasNoBody() {
        assertThrows(IllegalArgumentException.class, () -> preview1.body("fd_frobnicate"));
        assertThrows(IllegalArgumentException.class, () -> preview1.invoke("fd_frobnicate", null));
    }
}
