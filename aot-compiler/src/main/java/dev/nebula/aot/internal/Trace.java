package dev.nebula.aot.internal;

import dev.nebula.wasm.TrapException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the Wasm stack of a trap as it unwinds compiled frames. Every generated function has a
 * handler for {@link TrapException} that adds its own frame here and rethrows the same exception;
 * the frames go into a per-thread list rather than a new exception per frame, so a trap 20,000
 * frames deep costs linear time. The way out ({@link AotFunction#invoke}) turns the list into the
 * trap's Wasm stack. Like the interpreter, it keeps the innermost {@link #MAX_TRACE} frames and
 * one line saying how many more there were.
 */
final class Trace {

    static final int MAX_TRACE = 1000;

    private static final ThreadLocal<Trace> CURRENT = ThreadLocal.withInitial(Trace::new);

    private TrapException trap;
    private final List<String> frames = new ArrayList<>();
    private int more;

    private Trace() {
    }

    /** Adds {@code function}'s frame to {@code trap}'s stack; returns the trap to rethrow. */
    static TrapException frame(TrapException trap, AotInstance instance, int function) {
        Trace t = CURRENT.get();
        if (t.trap != trap) {
            // A new trap, or one that already crossed an entry point (host code calling back
            // into Wasm): its frames so far are inner to ours.
            t.trap = trap;
            t.frames.clear();
            t.frames.addAll(trap.wasmStack());
            t.more = 0;
        }
        if (t.frames.size() < MAX_TRACE) t.frames.add(instance.module.describe(function));
        else t.more++;
        return trap;
    }

    /** The trap with the frames collected since it was thrown. */
    static TrapException finish(TrapException trap) {
        Trace t = CURRENT.get();
        if (t.trap != trap) return trap;
        List<String> stack = new ArrayList<>(t.frames);
        if (t.more > 0) stack.add("... " + t.more + " more frames");
        clear();
        return trap.withWasmStack(stack);
    }

    /** Forgets a pending trace, so a thread does not keep the last trap reachable. */
    static void clear() {
        Trace t = CURRENT.get();
        t.trap = null;
        t.frames.clear();
        t.more = 0;
    }
}
