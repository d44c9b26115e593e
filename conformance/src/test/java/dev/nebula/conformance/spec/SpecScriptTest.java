package dev.nebula.conformance.spec;

import dev.nebula.decoder.model.ValType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSON model reads every command kind with its arguments and expected values. */
class SpecScriptTest {

    private static SpecScript fixture() throws IOException {
        try (InputStream in = SpecScriptTest.class.getResourceAsStream("fixture.json")) {
            return SpecScript.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsModuleAndModuleAssertions() throws IOException {
        List<ScriptCommand> commands = fixture().commands();
        assertEquals(new ScriptCommand.ModuleCommand(1, "$M", "fixture.0.wasm"), commands.get(0));
        assertEquals(new ScriptCommand.AssertMalformed(5, "fixture.3.wat", "unknown operator", ModuleType.TEXT), commands.get(4));
        assertEquals(new ScriptCommand.AssertInvalid(6, "fixture.4.wasm", "type mismatch", ModuleType.BINARY), commands.get(5));
        assertEquals(new ScriptCommand.Register(13, "$M", "M"), commands.get(12));
        assertEquals(new ScriptCommand.Unknown(14), commands.get(13));
    }

    @Test
    void readsInvokeArgumentsOfEveryValueKind() throws IOException {
        ScriptCommand.AssertTrap trap = assertInstanceOf(ScriptCommand.AssertTrap.class, fixture().commands().get(10));
        assertEquals("unreachable", trap.text());
        Action.Invoke invoke = assertInstanceOf(Action.Invoke.class, trap.action());
        assertEquals("$M", invoke.module());
        assertEquals("f", invoke.field());
        assertEquals(new SpecValue.Num(ValType.F32, 0x7FC0_0000L), invoke.args().get(0));
        SpecValue.Vector vector = assertInstanceOf(SpecValue.Vector.class, invoke.args().get(1));
        assertEquals(LaneType.I16, vector.laneType());
        assertEquals(8, vector.lanes().size());
        assertEquals(new SpecValue.Lane(0xFFFF, null), vector.lanes().get(7));
        assertEquals(new SpecValue.Ref(ValType.EXTERNREF, 7L), invoke.args().get(2));
        assertEquals(new SpecValue.Ref(ValType.FUNCREF, null), invoke.args().get(3));
        assertEquals(List.of(new SpecValue.TypeOnly(ValType.I32)), trap.expected());
    }

    @Test
    void readsExpectedNanPatternsAndUnsignedBits() throws IOException {
        ScriptCommand.AssertReturn ret = assertInstanceOf(ScriptCommand.AssertReturn.class, fixture().commands().get(11));
        assertEquals(new Action.Get(null, "g"), ret.action());
        assertEquals(new SpecValue.Nan(ValType.F64, NanKind.CANONICAL), ret.expected().get(0));
        SpecValue.Vector lanes = assertInstanceOf(SpecValue.Vector.class, ret.expected().get(1));
        assertEquals(NanKind.ARITHMETIC, lanes.lanes().get(0).nan());
        assertEquals(new SpecValue.Lane(0x3F80_0000L, null), lanes.lanes().get(2));
        assertEquals(new SpecValue.Num(ValType.I64, -1L), ret.expected().get(2));
    }

    @Test
    void assertReturnWithoutArgsHasAnEmptyList() throws IOException {
        ScriptCommand.AssertReturn ret = assertInstanceOf(ScriptCommand.AssertReturn.class, fixture().commands().get(1));
        Action.Invoke invoke = assertInstanceOf(Action.Invoke.class, ret.action());
        assertEquals(List.of(), invoke.args());
        assertNull(invoke.module());
        assertEquals(List.of(new SpecValue.Num(ValType.I32, 42)), ret.expected());
    }

    @Test
    void nanPatternsMatchAsTheSuiteDefinesThem() {
        assertEquals(true, NanKind.CANONICAL.matches(0x7FC0_0000L, 32));
        assertEquals(true, NanKind.CANONICAL.matches(0xFFC0_0000L, 32));
        assertEquals(false, NanKind.CANONICAL.matches(0x7FC0_0001L, 32));
        assertEquals(true, NanKind.ARITHMETIC.matches(0x7FC0_0001L, 32));
        assertEquals(false, NanKind.ARITHMETIC.matches(0x7F80_0001L, 32));
        assertEquals(true, NanKind.CANONICAL.matches(0x7FF8_0000_0000_0000L, 64));
        assertEquals(false, NanKind.ARITHMETIC.matches(0x7FF0_0000_0000_0001L, 64));
    }
}
