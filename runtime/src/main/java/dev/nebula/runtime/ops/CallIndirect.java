package dev.nebula.runtime.ops;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;

/** The checks of spec 4.4.8 {@code call_indirect}, shared by every engine. */
public final class CallIndirect {

    private CallIndirect() {
    }

    /**
     * The function at {@code index} of {@code table}: the index must be inside the table
     * ("undefined element"), the element non-null ("uninitialized element"), and the function's
     * type equal to {@code expected}, structurally ("indirect call type mismatch"). The same type
     * object, the usual case within one module, is recognised without comparing lists.
     */
    public static WasmFunction resolve(Table table, FuncType expected, int index) {
        if (index < 0 || index >= table.size()) throw Traps.undefinedElement();
        long handle = table.getHandle(index);
        if (handle == 0) throw Traps.uninitializedElement();
        WasmFunction f = (WasmFunction) table.store().objectOf(handle);
        FuncType actual = f.type();
        if (actual != expected && !actual.equals(expected)) throw Traps.indirectCallTypeMismatch();
        return f;
    }
}
