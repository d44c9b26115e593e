package dev.nebula.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Engine#create(EngineConfig, dev.nebula.runtime.spi.ExecutionEngine)}: an engine the host picks itself. */
class EngineCreateTest {

    @Test
    void aGivenImplementationOfTheConfiguredKindIsUsed() {
        EngineConfig config = EngineConfig.defaults(EngineKind.INTERPRETER);
        Engine engine = Engine.create(config, new CodelessEngine());
        assertSame(config, engine.config());
        // the implementation is the one given: CodelessEngine refuses to compile code
        byte[] oneFunction = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B};
        assertThrows(UnsupportedFeatureException.class, () -> engine.compile(oneFunction));
    }

    @Test
    void anImplementationOfAnotherKindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engine.create(EngineConfig.defaults(EngineKind.AOT), new CodelessEngine()));
        assertTrue(e.getMessage().contains("'interp'") && e.getMessage().contains("'aot'"), e.getMessage());
        assertEquals(EngineKind.INTERPRETER, new CodelessEngine().kind());
    }
}
