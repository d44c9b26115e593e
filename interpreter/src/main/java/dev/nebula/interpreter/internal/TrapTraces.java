package dev.nebula.interpreter.internal;

import dev.nebula.wasm.TrapException;

import java.util.ArrayList;
import java.util.List;

/** Gives traps the Wasm call stack of the interpreter loop's frames as they leave it. */
final class TrapTraces {

    private TrapTraces() {
    }

    /** Traces longer than this keep the innermost frames and one line saying how many were left out. */
    static final int MAX_TRACE = 1000;

    /**
     * The trap with the frames of one run of the interpreter loop appended: {@code current} is
     * the innermost, then the callers saved in {@code machine} from {@code depth - 1} down to
     * {@code entryDepth}. Frames the trap already carries (from a nested run entered through a
     * host function or another engine) are inner to these and stay first.
     */
    static TrapException withStack(TrapException trap, Machine machine, InterpretedFunction current, int depth, int entryDepth) {
        List<String> inner = trap.wasmStack();
        int frames = depth - entryDepth + 1;
        List<String> stack = new ArrayList<>(Math.min(inner.size() + frames, MAX_TRACE + 1));
        stack.addAll(inner);
        add(stack, current);
        for (int d = depth - 1; d >= entryDepth; d--) {
            if (stack.size() >= MAX_TRACE) {
                stack.add(new StringBuilder("... ").append(d - entryDepth + 1).append(" more frames").toString());
                break;
            }
            add(stack, machine.callers[d]);
        }
        return trap.withWasmStack(stack);
    }

    private static void add(List<String> stack, InterpretedFunction function) {
        if (stack.size() < MAX_TRACE) stack.add(function.describe());
    }
}
