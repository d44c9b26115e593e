package dev.nebula.runtime.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Import;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.decoder.model.TableType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.HostFunction;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.wasm.UnlinkableException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Import matching (spec 4.5.2): kinds, limits subtyping, global types and exact function types. */
class ImportMatcherTest {

    private static final int CAP = EngineConfig.BYTE_ARRAY_PAGE_LIMIT;

    private static void incompatible(Import imp, dev.nebula.runtime.Extern value) {
        UnlinkableException e = assertThrows(UnlinkableException.class, () -> ImportMatcher.check(imp, value, List.of()));
        assertEquals("incompatible import type", e.specMessage());
        assertEquals("m", e.moduleName());
    }

    @Test
    void memoryLimitsMatchBySubtyping() {
        Import wantsOneToTwo = new Import("m", "mem", new MemoryType(Limits.of(1, 2)));
        assertDoesNotThrow(() -> ImportMatcher.check(wantsOneToTwo, new Memory(Limits.of(2, 2), CAP), List.of()));
        incompatible(wantsOneToTwo, new Memory(Limits.of(0, 2), CAP));
        incompatible(wantsOneToTwo, new Memory(Limits.of(1, 3), CAP));
        incompatible(wantsOneToTwo, new Memory(Limits.of(1), CAP));
        assertDoesNotThrow(() -> ImportMatcher.check(new Import("m", "mem", new MemoryType(Limits.of(1))),
                new Memory(Limits.of(1, 5), CAP), List.of()));
    }

    @Test
    void tablesMatchOnElementTypeAndLimits() {
        Store store = new Store(null);
        Import funcTable = new Import("m", "t", new TableType(ValType.FUNCREF, Limits.of(10)));
        assertDoesNotThrow(() -> ImportMatcher.check(funcTable, new Table(store, ValType.FUNCREF, Limits.of(10, 20), 0), List.of()));
        incompatible(funcTable, new Table(store, ValType.EXTERNREF, Limits.of(10), 0));
        incompatible(funcTable, new Table(store, ValType.FUNCREF, Limits.of(9), 0));
    }

    @Test
    void globalsMatchOnTypeAndMutability() {
        Import constI32 = new Import("m", "g", new GlobalType(ValType.I32, false));
        assertDoesNotThrow(() -> ImportMatcher.check(constI32, new Global(new GlobalType(ValType.I32, false), 0), List.of()));
        incompatible(constI32, new Global(new GlobalType(ValType.I32, true), 0));
        incompatible(constI32, new Global(new GlobalType(ValType.I64, false), 0));
    }

    @Test
    void kindsMustAgreeAndFunctionTypesMustBeEqual() {
        FuncType i32ToI32 = new FuncType(List.of(ValType.I32), List.of(ValType.I32));
        WasmFunction f = HostFunction.of("f", i32ToI32, (caller, args) -> args);
        incompatible(new Import("m", "mem", new MemoryType(Limits.of(0))), f);
        Import funcImport = new Import("m", "f", new dev.nebula.decoder.model.FunctionImport(0));
        assertDoesNotThrow(() -> ImportMatcher.check(funcImport, f, List.of(i32ToI32)));
        UnlinkableException e = assertThrows(UnlinkableException.class,
                () -> ImportMatcher.check(funcImport, f, List.of(new FuncType(List.of(ValType.I64), List.of(ValType.I32)))));
        assertEquals("incompatible import type", e.specMessage());
    }
}
