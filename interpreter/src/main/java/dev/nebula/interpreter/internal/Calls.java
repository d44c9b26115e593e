package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.ValueSlots;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.ops.CallIndirect;
import dev.nebula.runtime.ops.Traps;

import java.util.Arrays;

/** The two call paths that leave the hot loop's straight line: call_indirect's checks and calls out of the interpreter. */
final class Calls {

    private static final long[] NO_ARGS = new long[0];

    private Calls() {
    }

    /** Spec 4.4.8 call_indirect, with the checks of the shared operator library. */
    static WasmFunction indirect(InstanceContext ctx, int typeIndex, int tableIndex, int index) {
        return CallIndirect.resolve(ctx.tables[tableIndex], ctx.types[typeIndex], index);
    }

    /**
     * Calls a function the loop does not run itself (a host function, another engine's code)
     * through {@link WasmFunction#invoke}, with the arguments at {@code base} on the value stack
     * and the results written back there. First it publishes the loop's state: the value-stack top
     * and frame depth (where a nested run may start) and its frames in the store's call depth
     * ({@code frames}, those beyond the entry frame the store already counts). Exceptions pass
     * through unchanged; the loop adds its frames to traps.
     */
    static void external(WasmFunction callee, Machine m, int base, int depth, int frames, InstanceContext ctx) {
        FuncType type = callee.type();
        int params = ValueSlots.count(type.params());
        long[] args = params == 0 ? NO_ARGS : Arrays.copyOfRange(m.stack, base, base + params);
        m.top = base;
        m.depth = depth;
        Store store = ctx.store;
        store.addCallDepth(frames);
        long[] results;
        try {
            results = ctx.state.call(callee, args);
        } finally {
            store.addCallDepth(-frames);
        }
        int count = ValueSlots.count(type.results());
        if (count == 0) return;
        if (results == null || results.length < count) {
            throw new IllegalStateException(callee.describe() + " of type " + type + " returned "
                    + (results == null ? "null" : results.length + " values"));
        }
        System.arraycopy(results, 0, m.stack, base, count);
    }
}
