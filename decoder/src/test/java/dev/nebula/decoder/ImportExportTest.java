package dev.nebula.decoder;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.FunctionImport;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.nebula.decoder.testkit.DecoderAssertions.assertMalformed;
import static dev.nebula.decoder.testkit.DecoderAssertions.decodes;
import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.hex;
import static dev.nebula.decoder.testkit.Encode.name;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;
import static dev.nebula.decoder.testkit.Encode.vecOfBytes;
import static dev.nebula.decoder.testkit.ModuleBuilder.CODE;
import static dev.nebula.decoder.testkit.ModuleBuilder.EXPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.FUNCTION;
import static dev.nebula.decoder.testkit.ModuleBuilder.GLOBAL;
import static dev.nebula.decoder.testkit.ModuleBuilder.HEADER;
import static dev.nebula.decoder.testkit.ModuleBuilder.IMPORT;
import static dev.nebula.decoder.testkit.ModuleBuilder.MEMORY;
import static dev.nebula.decoder.testkit.ModuleBuilder.TABLE;
import static dev.nebula.decoder.testkit.ModuleBuilder.body;
import static dev.nebula.decoder.testkit.ModuleBuilder.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Import and export descriptors (spec 5.5.5, 5.5.10) and how imports open each index space (spec 2.5.1). */
class ImportExportTest {

    @Test
    void decodesTheFourImportKinds() {
        DecodedModule module = decodes(module().section(IMPORT, vec(
                concat(name("env"), name("f"), bytes(0x00), u32(3)),
                concat(name("env"), name("t"), bytes(0x01, 0x70, 0x00, 0x01)),
                concat(name("env"), name("m"), bytes(0x02, 0x01, 0x01, 0x02)),
                concat(name("env"), name("g"), bytes(0x03, 0x7E, 0x01))
        )).build());
        assertEquals(List.of(
                new Import("env", "f", new FunctionImport(3)),
                new Import("env", "t", new TableType(ValType.FUNCREF, Limits.of(1))),
                new Import("env", "m", new MemoryType(Limits.of(1, 2))),
                new Import("env", "g", new GlobalType(ValType.I64, true))
        ), module.imports());
        assertEquals(List.of(ExternKind.FUNC, ExternKind.TABLE, ExternKind.MEMORY, ExternKind.GLOBAL),
                module.imports().stream().map(Import::kind).toList());
    }

    @Test
    void importsComeFirstInEachIndexSpace() {
        DecodedModule module = decodes(module()
                .section(IMPORT, vec(
                        concat(name("a"), name("f"), bytes(0x00), u32(1)),
                        concat(name("a"), name("g"), bytes(0x03, 0x7F, 0x00)),
                        concat(name("a"), name("m"), bytes(0x02, 0x00, 0x01))))
                .section(FUNCTION, vecOfBytes(0, 0))
                .section(TABLE, vec(bytes(0x70, 0x00, 0x00)))
                .section(GLOBAL, vec(concat(bytes(0x7D, 0x01), hex("43 00 00 80 3f 0b"))))
                .section(CODE, vec(body(), body()))
                .build());
        assertEquals(1, module.importedFunctionCount());
        assertEquals(3, module.functionCount());
        assertEquals(1, module.functionTypeIndex(0));
        assertEquals(0, module.functionTypeIndex(2));
        assertEquals(List.of(new GlobalType(ValType.I32, false), new GlobalType(ValType.F32, true)), module.allGlobals());
        assertEquals(1, module.importedGlobalCount());
        assertEquals(1, module.allMemories().size());
        assertEquals(1, module.allTables().size());
    }

    @ParameterizedTest(name = "kind {0}")
    @ValueSource(ints = {0x04, 0x05, 0x7F, 0x80})
    void rejectsAnUnknownImportKindAtTheKindByte(int kind) {
        byte[] bytes = module().section(IMPORT, vec(concat(name("m"), name("n"), bytes(kind, 0x00)))).build();
        assertMalformed(bytes, "malformed import kind", HEADER.length + 3 + 4);
    }

    @Test
    void rejectsAnImportNameThatIsNotUtf8() {
        byte[] bytes = module().section(IMPORT, vec(concat(name("m"), hex("02 c0 80"), bytes(0x00, 0x00)))).build();
        assertMalformed(bytes, "malformed UTF-8 encoding", HEADER.length + 3 + 2);
    }

    @Test
    void decodesTheFourExportKinds() {
        DecodedModule module = decodes(module().section(EXPORT, vec(
                concat(name("f"), bytes(0x00), u32(0)),
                concat(name("t"), bytes(0x01), u32(1)),
                concat(name("m"), bytes(0x02), u32(2)),
                concat(name("g"), bytes(0x03), u32(200))
        )).build());
        assertEquals(List.of(
                new Export("f", ExternKind.FUNC, 0),
                new Export("t", ExternKind.TABLE, 1),
                new Export("m", ExternKind.MEMORY, 2),
                new Export("g", ExternKind.GLOBAL, 200)
        ), module.exports());
    }

    @ParameterizedTest(name = "kind {0}")
    @ValueSource(ints = {0x04, 0x7F, 0xFF})
    void rejectsAnUnknownExportKindAtTheKindByte(int kind) {
        byte[] bytes = module().section(EXPORT, vec(concat(name("e"), bytes(kind, 0x00)))).build();
        assertMalformed(bytes, "malformed export kind", HEADER.length + 3 + 2);
    }

    @Test
    void keepsDuplicateExportNamesForValidationToReject() {
        DecodedModule module = decodes(module().section(MEMORY, vec(bytes(0x00, 0x00))).section(EXPORT, vec(
                concat(name("x"), bytes(0x02), u32(0)),
                concat(name("x"), bytes(0x02), u32(0))
        )).build());
        assertEquals(2, module.exports().size());
    }
}
