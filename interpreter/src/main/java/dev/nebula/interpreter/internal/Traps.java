package dev.nebula.interpreter.internal;

import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the traps of spec 4.4 and gives them the Wasm call stack as they leave the interpreter
 * loop. The factories are tiny static methods so that a trap costs the hot loop one call
 * instruction ({@code throw Traps.outOfBounds()}) rather than the bytes of a constructor call.
 */
final class Traps {

    /** Traces longer than this keep the innermost frames and one line saying how many were left out. */
    static final int MAX_TRACE = 1000;

    static {
        // Load and initialise what a trap needs now, on a shallow stack: after a StackOverflowError
        // there may be no room left to load a class, and one whose initialisation failed stays
        // unusable for the life of the JVM.
        callStackExhausted().withWasmStack(List.of("func 0"));
    }

    private Traps() {
    }

    /** Initialises this class (see the static block); the loop's class calls it once. */
    static void load() {
    }

    static TrapException unreachable() {
        return new TrapException(TrapKind.UNREACHABLE);
    }

    static TrapException divideByZero() {
        return new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }

    static TrapException integerOverflow() {
        return new TrapException(TrapKind.INTEGER_OVERFLOW);
    }

    static TrapException invalidConversion() {
        return new TrapException(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }

    static TrapException outOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    static TrapException tableOutOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    static TrapException undefinedElement() {
        return new TrapException(TrapKind.UNDEFINED_ELEMENT);
    }

    static TrapException uninitializedElement() {
        return new TrapException(TrapKind.UNINITIALIZED_ELEMENT);
    }

    static TrapException indirectCallTypeMismatch() {
        return new TrapException(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }

    static TrapException callStackExhausted() {
        return new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
    }

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
