package dev.nebula.runtime.ops;

import dev.nebula.runtime.Store;
import dev.nebula.runtime.internal.Deadlines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Whether any store of the process may be interrupted: the guard in front of the compiled
 * engine's interruption polls. While no store is interrupted the guard is the constant
 * {@code false} of a {@link MutableCallSite}, which HotSpot's JIT folds away with the poll behind
 * it, so a hot loop pays nothing for being interruptible. {@link Store#interrupt()} turns it to
 * {@code true} and {@link MutableCallSite#syncAll syncs} it: the JVM deoptimizes all compiled
 * code that folded the old value, each running thread at its next safepoint (which the JIT keeps
 * in every loop), and the code then reads its store's flag at every poll again, as it did
 * without the guard, until the JIT recompiles it with the guard as the constant {@code true}.
 *
 * <p>The guard returns to {@code false} only when every store raised since it last did is no
 * longer interrupted or runs no compiled code ({@link Store#runsCompiledCode()}; a call that
 * starts later checks the flag on entry), and a quiet period has passed since the last raise.
 * The first condition keeps it sound: a guest that must stop always sees its flag. The second
 * bounds what guests that time out on purpose cost everyone else, since each turn of the guard
 * makes every thread run its hot code unoptimized until the JIT has compiled it again (about a
 * quarter of a second of CPU per thread, measured): the quiet period starts at {@link #QUIET},
 * doubles (up to {@link #MAX_QUIET}) each time the guard turns on again within
 * {@link #MEMORY} of turning off, and falls back after a calm {@link #MEMORY}. Guests that time
 * out again and again thus keep the guard on, where every poll costs what an unguarded poll
 * does, instead of turning it over and over. RATIONALE.md weighs this.
 */
public final class InterruptSwitch {

    /** How long no store must have been interrupted before the guard folds away again, at first. */
    public static final Duration QUIET = Duration.ofSeconds(1);
    /** The longest quiet period, reached when guests keep timing out. */
    static final Duration MAX_QUIET = Duration.ofSeconds(64);
    /** A guard that turns on again this soon after turning off doubles the quiet period. */
    static final Duration MEMORY = Duration.ofSeconds(30);

    private static final MutableCallSite SITE = new MutableCallSite(MethodHandles.constant(boolean.class, false));
    private static final MethodHandle GUARD = SITE.dynamicInvoker();
    private static final MethodHandle OFF = MethodHandles.constant(boolean.class, false);
    private static final MethodHandle ON = MethodHandles.constant(boolean.class, true);

    /** Stores raised since the guard last turned off; weak, so a dropped store does not keep it on. */
    private static final Set<Store> RAISED = Collections.newSetFromMap(new WeakHashMap<>());
    private static boolean on;
    private static long lastRaise;
    private static long lastOff = System.nanoTime() - MEMORY.toNanos();
    private static long quiet = QUIET.toNanos();
    private static long flips;

    private InterruptSwitch() {
    }

    /**
     * Whether some store may be interrupted, so a poll must read its store's flag. Compiled code
     * calls it in front of every poll; the JIT inlines it to a constant.
     */
    public static boolean mayBeInterrupted() {
        try {
            return (boolean) GUARD.invokeExact();
        } catch (Throwable impossible) {
            throw new AssertionError(impossible);
        }
    }

    /**
     * The guard itself, a {@code ()boolean} handle that {@link #mayBeInterrupted} invokes: for
     * generated code that invokes it in line ({@code invokeExact} on a constant handle links to
     * the JDK's force-inlined invokers, which C2 inlines even where it has stopped inlining
     * ordinary methods).
     */
    public static MethodHandle guard() {
        return GUARD;
    }

    /** {@code store}'s flag was just set: compiled code must look at flags again. */
    public static void raised(Store store) {
        synchronized (RAISED) {
            RAISED.add(store);
            lastRaise = System.nanoTime();
            if (on) return;
            on = true;
            flips++;
            quiet = lastRaise - lastOff < MEMORY.toNanos() ? Math.min(quiet * 2, MAX_QUIET.toNanos()) : QUIET.toNanos();
            flip(ON);
        }
        scheduleTurnOff();
    }

    /** Turns the guard off when it is safe and quiet, else looks again later. */
    private static void tryTurnOff() {
        synchronized (RAISED) {
            if (!on) return;
            RAISED.removeIf(s -> !s.interrupted() || !s.runsCompiledCode());
            long now = System.nanoTime();
            if (RAISED.isEmpty() && now - lastRaise >= quiet) {
                on = false;
                lastOff = now;
                flips++;
                flip(OFF);
                return;
            }
        }
        scheduleTurnOff();
    }

    private static void scheduleTurnOff() {
        long wait;
        synchronized (RAISED) {
            wait = Math.max(quiet - (System.nanoTime() - lastRaise), QUIET.toNanos() / 4);
        }
        Deadlines.schedule(InterruptSwitch::tryTurnOff, Duration.ofNanos(wait));
    }

    private static void flip(MethodHandle target) {
        SITE.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
    }

    /** How often the guard has changed since the process started (for tests and measurements). */
    public static long flips() {
        synchronized (RAISED) {
            return flips;
        }
    }

    /** Whether the guard is on now (for tests and measurements). */
    public static boolean isOn() {
        synchronized (RAISED) {
            return on;
        }
    }
}
