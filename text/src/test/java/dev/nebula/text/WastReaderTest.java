package dev.nebula.text;

import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command kind of the script syntax, with its values. */
class WastReaderTest {

    private static final String SCRIPT = """
            (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
            (module binary "\\00asm" "\\01\\00\\00\\00")
            (register "m" $M)
            (invoke $M "f" (i32.const -1))
            (assert_return (invoke "f" (i32.const 7)) (i32.const 7))
            (assert_return (get "g") (f32.const nan:canonical))
            (assert_return (invoke "v") (v128.const f32x4 nan:arithmetic 1 -0 0x1p-1) (ref.null func) (ref.extern 3) (ref.func))
            (assert_trap (invoke "f" (i64.const 0x10)) "unreachable")
            (assert_exhaustion (invoke "f") "call stack exhausted")
            (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
            (assert_malformed (module quote "(func (i32.ad))") "unknown operator")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
            (assert_malformed (module (func (i32.ad))) "unknown operator")
            """;

    @Test
    void everyCommandKind() {
        List<WastCommand> c = WastReader.read(SCRIPT);
        assertEquals(14, c.size());
        var m = assertInstanceOf(WastCommand.DefineModule.class, c.get(0));
        assertEquals("M", m.module().id());
        assertEquals(1, m.line());
        assertEquals(WastCommand.Module.Kind.BINARY, ((WastCommand.DefineModule) c.get(1)).module().kind());
        var r = assertInstanceOf(WastCommand.Register.class, c.get(2));
        assertEquals("m", r.as());
        assertEquals("M", r.module());
        var p = assertInstanceOf(WastCommand.Perform.class, c.get(3));
        assertEquals(new WastValue.Num(ValType.I32, 0xFFFF_FFFFL), p.action().args().get(0));
        assertEquals("M", p.action().module());
        var ret = assertInstanceOf(WastCommand.AssertReturn.class, c.get(4));
        assertEquals(List.of(new WastValue.Num(ValType.I32, 7)), ret.expected());
        var get = assertInstanceOf(WastCommand.AssertReturn.class, c.get(5));
        assertTrue(!get.action().invoke());
        assertEquals(new WastValue.NanPattern(ValType.F32, true), get.expected().get(0));
        var v = assertInstanceOf(WastCommand.AssertReturn.class, c.get(6));
        var vec = assertInstanceOf(WastValue.Vector.class, v.expected().get(0));
        assertEquals(Boolean.FALSE, vec.lanes().get(0).canonicalNan());
        assertEquals(0x3F80_0000L, vec.lanes().get(1).bits());
        assertEquals(0x8000_0000L, vec.lanes().get(2).bits());
        assertEquals(0x3F00_0000L, vec.lanes().get(3).bits());
        assertEquals(new WastValue.Ref(ValType.FUNCREF, null), v.expected().get(1));
        assertEquals(new WastValue.Ref(ValType.EXTERNREF, 3L), v.expected().get(2));
        assertEquals(new WastValue.AnyRef(ValType.FUNCREF), v.expected().get(3));
        var trap = assertInstanceOf(WastCommand.AssertTrap.class, c.get(7));
        assertEquals(new WastValue.Num(ValType.I64, 16), trap.action().args().get(0));
        assertTrue(assertInstanceOf(WastCommand.AssertTrap.class, c.get(8)).exhaustion());
        assertEquals("assert_uninstantiable", assertInstanceOf(WastCommand.AssertModule.class, c.get(9)).kind());
        var quoted = assertInstanceOf(WastCommand.AssertModule.class, c.get(10));
        assertEquals(WastCommand.Module.Kind.QUOTE, quoted.module().kind());
        assertTrue(quoted.module().isText());
        assertEquals("assert_invalid", assertInstanceOf(WastCommand.AssertModule.class, c.get(11)).kind());
        assertEquals("assert_unlinkable", assertInstanceOf(WastCommand.AssertModule.class, c.get(12)).kind());
        var broken = assertInstanceOf(WastCommand.AssertModule.class, c.get(13));
        assertNull(broken.module().bytes());
        assertNotNull(broken.module().error(), "a text module that does not parse keeps its error");
        assertEquals("unknown operator", broken.module().error().specMessage());
    }

    @Test
    void aBrokenScriptIsRejectedWithAPosition() {
        TextFormatException e = assertThrows(TextFormatException.class, () -> WastReader.read("(module)\n(assert_bogus)"));
        assertEquals(2, e.line());
        assertThrows(TextFormatException.class, () -> WastReader.read("(assert_return (invoke \"f\" (i32.const nan:canonical)))"));
    }

    @Test
    void aBareModuleIsAScriptOfOneModule() {
        List<WastCommand> c = WastReader.read("(func) (memory 1)");
        assertEquals(1, c.size());
        assertInstanceOf(WastCommand.DefineModule.class, c.get(0));
    }
}
