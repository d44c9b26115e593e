package dev.nebula.enginetests;

import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.ValType;
import dev.nebula.interpreter.testkit.Code;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.interpreter.testkit.WasmBuilder;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.nebula.interpreter.testkit.Run.assertTrap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Table instructions and references (spec 4.4.2, 4.4.6): get/set/size/grow/fill/copy/init, elem.drop, ref.func/ref.null/ref.is_null. */
class TableTest {

    private Instance instance;
    private Table table;
    private int segment;

    /** Table 0: funcref, 4 elements, max 6, with functions f0 (returns 10) and f1 (returns 11) at 0 and 1. */
    @BeforeEach
    void build() {
        WasmBuilder b = new WasmBuilder();
        int tab = b.table(ValType.FUNCREF, 4, 6);
        b.exportTable("t", tab);
        int ret = b.type("", "i");
        int f0 = b.function(ret, Code.of().i32(10));
        int f1 = b.function(ret, Code.of().i32(11));
        b.exportFunction("f0", f0).exportFunction("f1", f1);
        b.activeElements(tab, 0, f0, f1);
        segment = b.passiveElements(f1, f0, f1);
        b.exportFunction("get", b.function(b.type("i", "r"), Code.of().get(0).op(Opcode.TABLE_GET, tab)));
        b.exportFunction("set", b.function(b.type("ir", ""), Code.of().get(0).get(1).op(Opcode.TABLE_SET, tab)));
        b.exportFunction("size", b.function(ret, Code.of().op(Opcode.TABLE_SIZE, tab)));
        b.exportFunction("grow", b.function(b.type("ri", "i"), Code.of().get(0).get(1).op(Opcode.TABLE_GROW, tab)));
        b.exportFunction("fill", b.function(b.type("iri", ""), Code.of().get(0).get(1).get(2).op(Opcode.TABLE_FILL, tab)));
        int three = b.type("iii", "");
        b.exportFunction("copy", b.function(three, Code.of().get(0).get(1).get(2).op(Opcode.TABLE_COPY, tab, tab)));
        b.exportFunction("init", b.function(three, Code.of().get(0).get(1).get(2).op(Opcode.TABLE_INIT, segment, tab)));
        b.exportFunction("drop", b.function(b.type("", ""), Code.of().op(Opcode.ELEM_DROP, segment)));
        b.exportFunction("isNull", b.function(b.type("r", "i"), Code.of().get(0).op(Opcode.REF_IS_NULL)));
        b.exportFunction("null", b.function(b.type("", "r"), Code.of().refNull(ValType.FUNCREF)));
        b.exportFunction("refF1", b.function(b.type("", "r"), Code.of().op(Opcode.REF_FUNC, f1)));
        instance = Run.instantiate(b.build());
        table = instance.table("t");
    }

    private long call(String name, long... args) {
        long[] r = instance.function(name).call(args);
        return r.length == 0 ? 0 : r[0];
    }

    private Object element(int i) {
        return table.get(i);
    }

    @Test
    void getSetAndReferences() {
        WasmFunction f1 = instance.function("f1");
        assertSame(f1, instance.store().objectOf(call("get", 1)));
        assertEquals(0, call("get", 3));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("get", 4));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("get", -1));
        call("set", 3, call("refF1"));
        assertSame(f1, element(3));
        assertEquals(call("get", 1), call("refF1"), "ref.func gives the store's one handle per function");
        assertEquals(1, call("isNull", call("null")));
        assertEquals(0, call("isNull", call("refF1")));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("set", 4, 0));
    }

    @Test
    void growAndSize() {
        assertEquals(4, call("size"));
        assertEquals(4, call("grow", call("refF1"), 1));
        assertSame(instance.function("f1"), element(4));
        assertEquals(-1, call("grow", 0, 2));
        assertEquals(5, call("grow", 0, 1));
        assertEquals(6, call("size"));
        assertEquals(6, call("grow", 0, 0));
    }

    @Test
    void fillCopyInitAndDrop() {
        long f0 = call("get", 0);
        long f1 = call("get", 1);
        call("fill", 2, f1, 2);
        assertEquals(f1, call("get", 3));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("fill", 3, f0, 2));
        assertEquals(f1, call("get", 3), "a trapping fill writes nothing");
        call("fill", 4, f0, 0);

        call("copy", 1, 0, 3); // overlapping, upward
        assertEquals(f0, call("get", 1));
        assertEquals(f1, call("get", 2));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("copy", 0, 3, 2));

        call("init", 0, 1, 2); // segment is f1 f0 f1
        assertEquals(f0, call("get", 0));
        assertEquals(f1, call("get", 1));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("init", 3, 0, 2));
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("init", 0, 2, 2));
        call("init", 4, 3, 0);
        call("drop");
        call("init", 0, 0, 0);
        assertTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, () -> call("init", 0, 0, 1));
        assertNotEquals(0, f0);
    }
}
