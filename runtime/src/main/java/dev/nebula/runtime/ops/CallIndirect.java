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
        return checkType(element(table, index), expected);
    }

    /**
     * The first two checks of {@link #resolve}, in its order: the function at {@code index}, or
     * "undefined element" past the table's end (an index of 2^31 or more is negative here) and
     * "uninitialized element" for null. An engine that recognises its own callees by other means
     * (the AOT engine's dispatchers switch on the callees of the expected type) checks the type of
     * any other with {@link #checkType}.
     */
    public static WasmFunction element(Table table, int index) {
        if (index < 0 || index >= table.size()) throw Traps.undefinedElement();
        long handle = table.getHandle(index);
        if (handle == 0) throw Traps.uninitializedElement();
        return (WasmFunction) table.store().objectOf(handle);
    }

    /** The last check of {@link #resolve}: {@code f} itself, or "indirect call type mismatch". */
    public static WasmFunction checkType(WasmFunction f, FuncType expected) {
        FuncType actual = f.type();
        if (actual != expected && !actual.equals(expected)) throw Traps.indirectCallTypeMismatch();
        return f;
    }
}
