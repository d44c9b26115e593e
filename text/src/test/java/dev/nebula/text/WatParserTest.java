package dev.nebula.text;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Encodings by exact bytes, abbreviations by what they expand to, and errors by message and position. */
class WatParserTest {

    private static String hex(String wat) {
        return HexFormat.of().formatHex(WatParser.parse(wat));
    }

    private static TextFormatException error(String wat) {
        return assertThrows(TextFormatException.class, () -> WatParser.parse(wat));
    }

    @Test
    void emptyModuleIsTheHeader() {
        assertEquals("0061736d01000000", hex("(module)"));
        assertEquals("0061736d01000000", hex("(module $m)"));
    }

    @Test
    void functionWithFoldedAndPlainCode() {
        // type (i32 i32)->i32; func 0; code: local.get 0 local.get 1 i32.add end
        String expected = "0061736d01000000" + "0107016002" + "7f7f017f" + "03020100" + "0a09010700200020016a0b";
        assertEquals(expected, hex("(module (func (param $a i32) (param $b i32) (result i32) (i32.add (local.get $a) (local.get $b))))"));
        assertEquals(expected, hex("(func (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)"));
    }

    @Test
    void inlineExportAndImportAndImplicitTypesAfterExplicitOnes() {
        DecodedModule m = ModuleDecoder.decode(WatParser.parse("""
                (module
                  (func $imp (import "env" "f") (param i32))
                  (func (export "g") (result f64) (f64.const 1))
                  (type $t (func (param i32))))
                """));
        assertEquals(2, m.types().size(), "(param i32) reuses $t, (result f64) is appended after it");
        assertEquals("env", m.imports().get(0).module());
        assertEquals(0, ((dev.nebula.decoder.model.FunctionImport) m.imports().get(0).descriptor()).typeIndex());
        assertEquals(1, m.definedFunctionTypeIndices()[0]);
        assertEquals("g", m.exports().get(0).name());
        assertEquals(1, m.exports().get(0).index());
    }

    @Test
    void memoryAbbreviationsAndMemarg() {
        DecodedModule m = ModuleDecoder.decode(WatParser.parse("(memory (data \"ab\" \"c\")) (func (drop (i64.load32_u offset=8 align=2 (i32.const 0))))"));
        assertEquals(1, m.memories().get(0).limits().min());
        assertEquals(1, m.memories().get(0).limits().max());
        assertEquals(3, m.data().get(0).dataLength());
        // i64.load32_u = 0x35, align 2 -> log2 1, offset 8
        assertEquals(true, hex("(memory 1) (func (drop (i64.load32_u offset=8 align=2 (i32.const 0))))").contains("3501080b".substring(0, 6)));
    }

    @Test
    void v128ConstInEveryShapeIsLittleEndianLaneZeroFirst() {
        String ones = "01000000" + "02000000" + "03000000" + "04000000";
        assertEquals(true, hex("(func (drop (v128.const i32x4 1 2 3 4)))").contains("fd0c" + ones));
        assertEquals(true, hex("(func (drop (v128.const i8x16 1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0)))").contains("fd0c" + ones));
        assertEquals(true, hex("(func (drop (v128.const i64x2 0x0000000200000001 0x0000000400000003)))").contains("fd0c" + ones));
        assertEquals(true, hex("(func (drop (v128.const f32x4 nan:0x1 0 -0 inf)))").contains("fd0c" + "0100807f" + "00000000" + "00000080" + "0000807f"));
    }

    @Test
    void labelsByNameAndDepth() {
        assertEquals(hex("(func block block br 1 end end)"), hex("(func (block $out (block $in (br $out))))"));
        assertEquals("unknown label", error("(func (block $a (br $b)))").specMessage());
        assertEquals("mismatching label", error("(func block $a end $b)").specMessage());
    }

    @Test
    void errorsCarryTheSpecPhraseAndPosition() {
        TextFormatException e = error("(module\n  (func (i32.ad)))");
        assertEquals("unknown operator", e.specMessage());
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertEquals("unknown operator: i32.ad (line 2, column 10)", e.messageWithPosition());
        assertEquals("alignment must be a power of two", error("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))").specMessage());
        assertEquals("constant out of range", error("(func (drop (i32.const 4294967296)))").specMessage());
        assertEquals("unknown type", error("(func (type 9) (param i32))").specMessage());
        assertEquals("inline function type", error("(type (func)) (func (type 0) (param i32))").specMessage());
        assertEquals("duplicate func", error("(func $f) (func $f)").specMessage());
        assertEquals("duplicate local", error("(func (param $x i32) (local $x i32))").specMessage());
        assertEquals("import after function", error("(func) (import \"a\" \"b\" (func))").specMessage());
        assertEquals("multiple start sections", error("(func) (start 0) (start 0)").specMessage());
        assertEquals("malformed lane index", error("(func (drop (i8x16.extract_lane_s 256 (v128.const i64x2 0 0))))").specMessage());
        assertEquals("invalid lane length", error("(func (drop (i8x16.shuffle 0 1 (v128.const i64x2 0 0) (v128.const i64x2 0 0))))").specMessage());
        assertEquals("unexpected token", error("(func (drop (i32.const)))").specMessage());
    }

    @Test
    void binaryAndQuotedModules() {
        assertEquals("0061736d01000000", HexFormat.of().formatHex(WatParser.parse("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")")));
        assertEquals(hex("(func)"), HexFormat.of().formatHex(WatParser.parse("(module quote \"(func)\")")));
    }
}
