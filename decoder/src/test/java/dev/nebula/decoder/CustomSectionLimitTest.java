package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.wasm.MalformedModuleException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The implementation limit on custom sections: exactly the limit decodes, one more is refused. */
class CustomSectionLimitTest {

    private static byte[] withEmptyCustomSections(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        for (int i = 0; i < count; i++) out.writeBytes(new byte[] {0x00, 0x01, 0x00});
        return out.toByteArray();
    }

    @Test
    void theLimitItselfDecodes() {
        DecodedModule module = ModuleDecoder.decode(withEmptyCustomSections(ModuleDecoder.MAX_CUSTOM_SECTIONS));
        assertEquals(ModuleDecoder.MAX_CUSTOM_SECTIONS, module.customSections().size());
    }

    @Test
    void oneMoreIsRefusedAtItsOffset() {
        int count = ModuleDecoder.MAX_CUSTOM_SECTIONS + 1;
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(withEmptyCustomSections(count)));
        assertEquals("too many custom sections", e.specMessage());
        assertEquals(8 + 3L * ModuleDecoder.MAX_CUSTOM_SECTIONS + 2, e.offset());
    }
}
