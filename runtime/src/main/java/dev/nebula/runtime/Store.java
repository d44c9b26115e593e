package dev.nebula.runtime;

import dev.nebula.runtime.internal.Deadlines;
import dev.nebula.runtime.ops.InterruptSwitch;
import dev.nebula.runtime.ops.Traps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-tenant state (spec 4.2.3): the instances, memories, tables and globals created in it, and
 * the limits they live under. A store is not thread-safe: one tenant, one thread at a time, with
 * one exception: {@link #interrupt()} may be called from any thread.
 *
 * <p><b>Interruption.</b> Guest code that never returns must still be stoppable, or a host's time
 * limits are fiction. Every engine polls {@link #interrupted()} at function entries and at loop
 * back-edges (the AOT engine leaves out polls that cannot matter: on entry to functions without
 * calls, and at loops whose every iteration calls a function that polls) and traps with
 * {@code TrapKind.INTERRUPTED} once it is
 * set: by {@link #interrupt()}, or by the timer of {@link #setDeadline(Duration)}. The poll is one
 * volatile read, so the clock is never read on the hot path.
 *
 * <p><b>Limits.</b> {@link StoreLimits} caps what memories and tables created in this store may
 * allocate; growth past them fails softly (-1) and is remembered in {@link #limitReached()}.
 *
 * <p>References (funcref, externref) are kept as {@code long} handles so that engines hold every
 * value in a {@code long}: handle 0 is null, handle n is the n-th object registered here.
 */
public final class Store {

    private final Engine engine;
    private final List<Object> objects = new ArrayList<>();
    private final Map<Object, Long> handles = new IdentityHashMap<>();
    private final StoreLimits limits;
    private int callDepth;
    private volatile boolean interrupted;
    private volatile boolean limitReached;
    /** Calls from outside into compiled guest code now running in this store (see {@link #enterCompiledCode()}). */
    private final AtomicInteger compiledCodeRunning = new AtomicInteger();
    private ScheduledFuture<?> deadline;

    public Store(Engine engine) {
        this(engine, StoreLimits.DEFAULT);
    }

    public Store(Engine engine, StoreLimits limits) {
        if (limits == null) throw new IllegalArgumentException("limits must be set");
        this.engine = engine;
        this.limits = limits;
        objects.add(null);
    }

    public StoreLimits limits() {
        return limits;
    }

    /** The page cap of this store's memories: the lower of the store's and the engine's. */
    public int memoryPageLimit() {
        return Math.min(limits.maxMemoryPages(), engine.config().maxMemoryPages());
    }

    /** Whether a memory or table of this store was refused growth or creation by a limit. */
    public boolean limitReached() {
        return limitReached;
    }

    /** Records that a limit refused an allocation (memories and tables call it). */
    void noteLimitReached() {
        limitReached = true;
    }

    /**
     * Interrupts guest code running in this store once {@code fromNow} has passed, replacing any
     * earlier deadline and clearing an earlier interruption. A zero or negative duration
     * interrupts at once.
     */
    public synchronized void setDeadline(Duration fromNow) {
        cancelDeadline();
        interrupted = false;
        if (fromNow.isZero() || fromNow.isNegative()) {
            interrupt();
        } else {
            deadline = Deadlines.schedule(this::interrupt, fromNow);
        }
    }

    /** Takes back the deadline and any interruption, so guest code in this store runs again. */
    public synchronized void clearDeadline() {
        cancelDeadline();
        interrupted = false;
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    /**
     * Makes guest code in this store trap with {@code TrapKind.INTERRUPTED} at its next function
     * entry or branch. Safe from any thread; stays in force until {@link #clearDeadline()} or a new
     * {@link #setDeadline(Duration)}.
     */
    public void interrupt() {
        interrupted = true;
        InterruptSwitch.raised(this);
    }

    /** Whether guest code must stop; engines poll it at function entries and loop back-edges. */
    public boolean interrupted() {
        return interrupted;
    }

    /**
     * An engine whose compiled code polls only behind {@link InterruptSwitch}'s guard calls this
     * on every entry from outside that code, then {@link #checkInterrupted()}, and
     * {@link #exitCompiledCode()} when the call ends: the guard may fold polls away again only
     * while no interrupted store runs such code.
     */
    public void enterCompiledCode() {
        compiledCodeRunning.incrementAndGet();
    }

    public void exitCompiledCode() {
        compiledCodeRunning.decrementAndGet();
    }

    /** Whether compiled guest code runs in this store now, on any thread. */
    public boolean runsCompiledCode() {
        return compiledCodeRunning.get() > 0;
    }

    /** Traps with {@code TrapKind.INTERRUPTED} when {@link #interrupted()}. */
    public void checkInterrupted() {
        if (interrupted) throw Traps.interrupted();
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
     * past {@link EngineConfig#maxCallDepth()}, or with "interrupted" when {@link #interrupted()}.
     * Engines call it on every Wasm function entry from outside their own code, and
     * {@link #exitCall()} on every exit, so the limit holds across instances and engines.
     */
    public void enterCall() {
        if (++callDepth > engine.config().maxCallDepth()) {
            callDepth--;
            throw Traps.callStackExhausted();
        }
        if (interrupted) {
            callDepth--;
            throw Traps.interrupted();
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
