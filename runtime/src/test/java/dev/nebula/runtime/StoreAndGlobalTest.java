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
    void aV128GlobalHoldsAll128Bits() {
        Global v = new Global(new GlobalType(ValType.V128, true), 0x0706050403020100L, 0x0F0E0D0C0B0A0908L);
        assertEquals(0x0706050403020100L, v.get());
        assertEquals(0x0F0E0D0C0B0A0908L, v.getHigh());
        v.setV128(-1, 5);
        assertEquals(-1, v.get());
        assertEquals(5, v.getHigh());
        assertThrows(IllegalStateException.class, () -> v.set(1), "setting half a v128 would lose the other half");
        Global scalar = new Global(new GlobalType(ValType.I64, true), 1);
        assertEquals(0, scalar.getHigh());
        assertThrows(IllegalStateException.class, () -> scalar.setV128(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Global(new GlobalType(ValType.I32, false), 1, 2));
    }

    @Test
    void v128ValuesTakeTwoLongs() {
        assertEquals(1, ValueSlots.of(ValType.I32));
        assertEquals(2, ValueSlots.of(ValType.V128));
        assertEquals(4, ValueSlots.count(java.util.List.of(ValType.V128, ValType.F64, ValType.EXTERNREF)));
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
