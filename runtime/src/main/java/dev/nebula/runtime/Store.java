package dev.nebula.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-tenant state (spec 4.2.3): the instances, memories, tables and globals created in it, and
 * the limits they live under. A store is not thread-safe: one tenant, one thread at a time.
 *
 * <p>References (funcref, externref) are kept as {@code long} handles so that engines hold every
 * value in a {@code long}: handle 0 is null, handle n is the n-th object registered here.
 */
public final class Store {

    private final Engine engine;
    private final List<Object> objects = new ArrayList<>();
    private final Map<Object, Long> handles = new IdentityHashMap<>();
    private int callDepth;

    public Store(Engine engine) {
        this.engine = engine;
        objects.add(null);
    }

    public Engine engine() {
        return engine;
    }

    public EngineConfig config() {
        return engine.config();
    }

    /** The handle of {@code reference} in this store, registering it on first use; 0 for null. */
    public long handleOf(Object reference) {
        if (reference == null) return 0;
        Long h = handles.get(reference);
        if (h != null) return h;
        long handle = objects.size();
        objects.add(reference);
        handles.put(reference, handle);
        return handle;
    }

    /** The object behind {@code handle}; null for 0. */
    public Object objectOf(long handle) {
        return objects.get((int) handle);
    }

    /**
     * Counts a Wasm call into this store's call stack, and traps with "call stack exhausted"
     * past {@link EngineConfig#maxCallDepth()}. Engines call it on every Wasm function entry and
     * {@link #exitCall()} on every exit, so the limit holds across instances and engines.
     */
    public void enterCall() {
        if (++callDepth > engine.config().maxCallDepth()) {
            callDepth--;
            throw new dev.nebula.wasm.TrapException(dev.nebula.wasm.TrapKind.CALL_STACK_EXHAUSTED);
        }
    }

    public void exitCall() {
        callDepth--;
    }

    /**
     * Adds {@code frames} (negative to take them back) to the call depth without a check. An
     * engine that counts its own frames, such as the interpreter with its explicit frame stack,
     * publishes them this way before it calls out (to a host function or another engine) so that
     * code called from there sees the true depth, and takes them back when the call returns.
     */
    public void addCallDepth(int frames) {
        callDepth += frames;
    }

    public int callDepth() {
        return callDepth;
    }
}
