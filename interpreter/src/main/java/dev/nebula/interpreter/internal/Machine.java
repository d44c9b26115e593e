package dev.nebula.interpreter.internal;

import dev.nebula.runtime.ops.Traps;

import java.util.Arrays;

/**
 * The per-thread execution stacks: one {@code long[]} value stack shared by all frames (a callee's
 * locals begin where the caller left its arguments, so a call copies nothing), and the frame
 * stack of saved return addresses, frame pointers and calling functions.
 *
 * <p>A run of the loop that calls out (a host function, another engine) publishes its top in
 * {@link #top} and {@link #depth}; a nested run on the same thread (host code calling back into
 * Wasm) starts above them. Both arrays may be replaced when they grow, so the loop re-reads them
 * after anything that may have run code.
 */
final class Machine {

    private static final int INITIAL_SLOTS = 16 * 1024;
    private static final int INITIAL_FRAMES = 256;
    /** A value stack past this many slots (512 MiB) is treated as exhaustion, not grown. */
    private static final int MAX_SLOTS = 64 * 1024 * 1024;
    /** After an outermost call, a stack grown past this is dropped back so idle threads stay small. */
    private static final int RETAINED_SLOTS = 1024 * 1024;

    /** A subclass, not {@code withInitial(Machine::new)}, whose method reference is linked through method handles at every start. */
    private static final ThreadLocal<Machine> CURRENT = new ThreadLocal<>() {
        @Override
        protected Machine initialValue() {
            return new Machine();
        }
    };

    long[] stack = new long[INITIAL_SLOTS];
    /** First free slot of the value stack. */
    int top;
    /** Per saved frame: return pc at 2k, caller's frame pointer at 2k + 1. */
    int[] frames = new int[2 * INITIAL_FRAMES];
    /** Per saved frame: the calling function. */
    InterpretedFunction[] callers = new InterpretedFunction[INITIAL_FRAMES];
    /** Number of saved frames. */
    int depth;

    static Machine current() {
        return CURRENT.get();
    }

    /** Makes the value stack at least {@code slots} long; returns the (possibly new) array. */
    long[] growStack(int slots) {
        if (slots > MAX_SLOTS || slots < 0) throw Traps.callStackExhausted();
        int size = (int) Math.min(MAX_SLOTS, Math.max((long) slots, 2L * stack.length));
        stack = Arrays.copyOf(stack, size);
        return stack;
    }

    /** Doubles the frame stack; the caller has already checked the call-depth limit. */
    void growFrames() {
        int n = callers.length * 2;
        frames = Arrays.copyOf(frames, 2 * n);
        callers = Arrays.copyOf(callers, n);
    }

    /**
     * Forgets the callers saved in frames {@code from .. to-1} when a run ends by an exception, so
     * that a thread does not keep the instances of an abandoned call stack (and their memories)
     * reachable.
     */
    void release(int from, int to) {
        if (to > from) Arrays.fill(callers, from, Math.min(to, callers.length), null);
    }

    /** Drops oversized arrays after the outermost run so that one deep recursion does not pin memory. */
    void trim() {
        if (stack.length > RETAINED_SLOTS) stack = new long[INITIAL_SLOTS];
        if (callers.length > 4 * INITIAL_FRAMES) {
            frames = new int[2 * INITIAL_FRAMES];
            callers = new InterpretedFunction[INITIAL_FRAMES];
        }
    }
}
