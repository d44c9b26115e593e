package dev.nebula.runtime;

import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Store handles, globals, values and the engine configuration. */
class StoreAndGlobalTest {

    @Test
    void handlesAreStablePerObjectAndZeroIsNull() {
        Store store = new Store(null);
        String a = new String("a");
        String equalButDistinct = new String("a");
        long h = store.handleOf(a);
        assertEquals(h, store.handleOf(a));
        assertNotEquals(h, store.handleOf(equalButDistinct), "identity, not equals, decides");
        assertSame(a, store.objectOf(h));
        assertEquals(0, store.handleOf(null));
        assertNull(store.objectOf(0));
    }

    @Test
    void anImmutableGlobalRefusesToChange() {
        Global constant = new Global(new GlobalType(ValType.I32, false), 1);
        assertThrows(IllegalStateException.class, () -> constant.set(2));
        assertEquals(1, constant.get());
        Global variable = new Global(new GlobalType(ValType.I64, true), 1);
        variable.set(-5);
        assertEquals(-5, variable.get());
    }

    @Test
    void floatsCrossAsTheirRawBits() {
        long nanWithPayload = 0x7FA0_0001L;
        assertEquals(nanWithPayload, Values.f32(Values.asF32(nanWithPayload)));
        assertEquals(-0.0, Values.asF64(Values.f64(-0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Values.f64(-0.0));
        assertEquals(-1, Values.asI32(Values.i32(-1)));
    }

    @Test
    void configurationRejectsImpossibleLimits() {
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.defaults(EngineKind.INTERPRETER).withMaxCallDepth(0));
        assertThrows(IllegalArgumentException.class,
                () -> EngineConfig.defaults(EngineKind.INTERPRETER).withMaxMemoryPages(EngineConfig.BYTE_ARRAY_PAGE_LIMIT + 1));
        assertEquals(EngineKind.AOT, EngineKind.fromShortName("aot"));
        assertThrows(IllegalArgumentException.class, () -> EngineKind.fromShortName("jit"));
    }

    @Test
    void anEngineMissingFromTheClassPathIsNamed() {
        // The runtime alone has no engine on its class path: the error says which jar to add.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Engine.create(EngineConfig.defaults(EngineKind.AOT)));
        assertEquals("engine 'aot' is not on the class path (add the nebula-aot-compiler jar)", e.getMessage());
    }
}
