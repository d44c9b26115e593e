package dev.nebula.aot.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.ops.Traps;
import dev.nebula.wasm.TrapException;

/**
 * A function instance (spec 4.2.6) whose code is a static method of a generated class.
 * Compiled callers never come through here: direct calls are {@code invokestatic}, and
 * call_indirect recognises this class and switches on {@link #slot} in a generated dispatcher.
 */
public final class AotFunction extends WasmFunction {

    /** The instance whose code this is; read by generated dispatchers. */
    public final AotInstance instance;
    /** The compiled module of the code; read by generated dispatchers, which switch only on their own module's functions. */
    public final AotModule module;
    /** Index in the module's function index space. */
    public final int index;
    /**
     * The function's call_indirect dispatch slot ({@link IndirectTargets}), or -1 when no table
     * can hold it as this module's code; read by generated dispatchers.
     */
    public final int slot;
    /** The generated class holding the code, loaded on the first call from outside. */
    private final int cls;

    AotFunction(FuncType type, AotInstance instance, int index, int slot, int cls) {
        super(type);
        this.instance = instance;
        this.module = instance.module;
        this.index = index;
        this.slot = slot;
        this.cls = cls;
    }

    /**
     * Runs the function from outside compiled code, one frame deeper than the store's call depth
     * (compiled code passes the depth along as an argument and publishes it to the store only
     * when it calls out, see {@link Rt#callOut}). The store's depth is put back exactly
     * afterwards (a trap skips the calls' own restores), and a trap gets the
     * Wasm frames it crossed. A JVM stack overflow cannot reach the user: the depth limit normally
     * comes first, and on a small thread stack the overflow becomes the same "call stack
     * exhausted" trap.
     */
    @Override
    public long[] invoke(Instance caller, long[] args) {
        Store store = instance.store;
        // counted first, then checked: the interruption guard turns off only while no
        // interrupted store runs compiled code, so a call that starts after that sees its flag
        // here (and compiled functions without calls do not poll on entry at all)
        store.enterCompiledCode();
        int savedDepth = store.callDepth();
        try {
            store.checkInterrupted();
            return instance.module.entry(cls).call(index, args, instance.maxCallDepth - (savedDepth + 1), instance);
        } catch (TrapException trap) {
            throw Trace.finish(trap);
        } catch (StackOverflowError overflow) {
            Trace.clear();
            throw Traps.callStackExhausted();
        } finally {
            store.addCallDepth(savedDepth - store.callDepth());
            store.exitCompiledCode();
        }
    }

    @Override
    public String describe() {
        return instance.module.describe(index);
    }
}
