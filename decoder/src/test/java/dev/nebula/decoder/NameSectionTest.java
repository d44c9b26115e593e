package dev.nebula.decoder;

import dev.nebula.decoder.model.CustomSection;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Names;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.bytesWithLength;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The "name" custom section (spec 7.4): module name (subsection 0), function names (1) and local
 * names (2). Names are debugging aids, so a malformed name section must never make the module
 * malformed; whatever was read before the fault is kept.
 */
class NameSectionTest {

    private static final byte[] MODULE_NAME = subsection(0, name("calc"));
    private static final byte[] FUNCTION_NAMES = subsection(1, vec(
            concat(u32(0), name("add")),
            concat(u32(2), name("mul"))));
    private static final byte[] LOCAL_NAMES = subsection(2, vec(
            concat(u32(2), vec(concat(u32(0), name("x")), concat(u32(1), name("y"))))));

    @Test
    void readsModuleFunctionAndLocalNames() {
        Names names = namesOf(MODULE_NAME, FUNCTION_NAMES, LOCAL_NAMES);
        assertEquals("calc", names.moduleName());
        assertEquals(Map.of(0, "add", 2, "mul"), names.functionNames());
        assertEquals("x", names.localName(2, 0));
        assertEquals("y", names.localName(2, 1));
        assertNull(names.localName(0, 0));
        assertNull(names.functionName(1));
    }

    @Test
    void namesAppearInFunctionDescriptions() {
        DecodedModule module = decodes(module().custom("name", FUNCTION_NAMES).build());
        assertEquals("2 ($mul)", module.describeFunction(2));
        assertEquals("1", module.describeFunction(1));
    }

    @Test
    void skipsSubsectionsItDoesNotKnow() {
        Names names = namesOf(MODULE_NAME, subsection(3, hex("01 02 03")), FUNCTION_NAMES);
        assertEquals("calc", names.moduleName());
        assertEquals("add", names.functionName(0));
    }

    @Test
    void keepsWhatWasReadBeforeATruncatedNameMap() {
        // Two function names declared, one given: the module decodes, keeping the module name and "add".
        byte[] truncated = subsection(1, concat(u32(2), u32(0), name("add")));
        Names names = namesOf(MODULE_NAME, truncated, LOCAL_NAMES);
        assertEquals("calc", names.moduleName());
        assertEquals(Map.of(0, "add"), names.functionNames());
    }

    @Test
    void ignoresANameThatIsNotUtf8() {
        Names names = namesOf(MODULE_NAME, subsection(1, vec(concat(u32(0), hex("02 c0 80")))));
        assertEquals("calc", names.moduleName());
        assertEquals(Map.of(), names.functionNames());
    }

    @Test
    void ignoresASubsectionLargerThanTheSection() {
        Names names = namesOf(MODULE_NAME, concat(bytes(1), u32(1000), hex("01 00")));
        assertEquals("calc", names.moduleName());
        assertEquals(Map.of(), names.functionNames());
    }

    @Test
    void ignoresAPayloadOfJunk() {
        Names names = namesOf(hex("ff ff ff ff ff ff ff ff"));
        assertNull(names.moduleName());
        assertEquals(Map.of(), names.functionNames());
        assertEquals(Map.of(), names.localNames());
    }

    @Test
    void ignoresAnEmptyPayload() {
        assertNull(namesOf().moduleName());
    }

    @Test
    void listsTheNameSectionAmongCustomSections() {
        DecodedModule module = decodes(module().custom("name", MODULE_NAME).custom("other", hex("01 02")).build());
        assertEquals(2, module.customSections().size());
        CustomSection name = module.customSections().get(0);
        assertEquals("name", name.name());
        assertEquals(MODULE_NAME.length, name.payloadLength());
        CustomSection other = module.customSections().get(1);
        assertEquals("other", other.name());
        assertEquals(2, other.payloadLength());
        assertEquals(module.byteSize() - 2, other.payloadStart());
    }

    @Test
    void namesAreImmutableLikeTheRestOfTheModel() {
        Names names = namesOf(FUNCTION_NAMES, LOCAL_NAMES);
        assertThrows(UnsupportedOperationException.class, () -> names.functionNames().put(9, "x"));
        assertThrows(UnsupportedOperationException.class, () -> names.localNames().get(2).put(9, "z"));
    }

    private static Names namesOf(byte[]... subsections) {
        return decodes(module().custom("name", subsections).build()).names();
    }

    private static byte[] subsection(int id, byte[] content) {
        return concat(bytes(id), bytesWithLength(content));
    }
}
