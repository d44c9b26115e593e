package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.testkit.ModuleBuilder;
import dev.nebula.decoder.testkit.ModuleComparison;
import dev.nebula.decoder.testkit.SampleModules;
import org.junit.jupiter.api.Test;

import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.u32Padded;
import static dev.nebula.decoder.testkit.Encode.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The round-trip properties rest on {@link ModuleComparison}: it must see through offsets and see every content change. */
class ModuleComparisonTest {

    private static DecodedModule decode(byte[] b) {
        return ModuleDecoder.decode(b);
    }

    @Test
    void aModuleEqualsItself() {
        byte[] sample = SampleModules.everySection();
        assertNull(ModuleComparison.firstDifference(decode(sample), decode(sample)));
    }

    @Test
    void offsetsDoNotMatterContentsDo() {
        byte[] body = ModuleBuilder.body(0x41, 0x07, 0x1A);
        byte[] plain = ModuleBuilder.module()
                .section(ModuleBuilder.TYPE, vec(ModuleBuilder.voidType()))
                .section(ModuleBuilder.FUNCTION, vec(u32(0)))
                .section(ModuleBuilder.CODE, vec(body))
                .build();
        // The same module with the type section's size and the body count padded: every range moves.
        byte[] padded = concat(ModuleBuilder.HEADER,
                hex("01"), u32Padded(4, 5), vec(ModuleBuilder.voidType()),
                hex("03 02 01 00"),
                hex("0a"), u32Padded(body.length + 3, 3), u32Padded(1, 3), body);
        assertNull(ModuleComparison.firstDifference(decode(plain), decode(padded)));

        byte[] otherConstant = ModuleBuilder.module()
                .section(ModuleBuilder.TYPE, vec(ModuleBuilder.voidType()))
                .section(ModuleBuilder.FUNCTION, vec(u32(0)))
                .section(ModuleBuilder.CODE, vec(ModuleBuilder.body(0x41, 0x08, 0x1A)))
                .build();
        assertEquals("body 0: code", ModuleComparison.firstDifference(decode(plain), decode(otherConstant)));
    }

    @Test
    void customSectionPayloadsAndPlacesCount() {
        byte[] before = ModuleBuilder.module().custom("c", hex("01 02")).section(ModuleBuilder.TYPE, vec()).build();
        byte[] after = ModuleBuilder.module().section(ModuleBuilder.TYPE, vec()).custom("c", hex("01 02")).build();
        byte[] otherPayload = ModuleBuilder.module().custom("c", hex("01 03")).section(ModuleBuilder.TYPE, vec()).build();
        assertEquals("section order: [0, 1] vs [1, 0]", ModuleComparison.firstDifference(decode(before), decode(after)));
        assertEquals("custom section 0 (c): payload", ModuleComparison.firstDifference(decode(before), decode(otherPayload)));
    }
}
