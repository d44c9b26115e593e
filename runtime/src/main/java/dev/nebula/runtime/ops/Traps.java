package dev.nebula.runtime.ops;

import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;

import java.util.List;

/**
 * The traps of spec 4.4, one tiny factory each, shared by every engine. Compiled or interpreted
 * code throws {@code Traps.outOfBounds()} so that a trap costs the fast path one call instruction
 * instead of the bytes of a constructor call.
 */
public final class Traps {

    static {
        // Load and initialise what a trap needs now, on a shallow stack: after a StackOverflowError
        // there may be no room left to load a class, and one whose initialisation failed stays
        // unusable for the life of the JVM.
        callStackExhausted().withWasmStack(List.of("func 0"));
    }

    private Traps() {
    }

    /** Initialises this class (see the static block); engines call it once before running code. */
    public static void load() {
    }

    public static TrapException unreachable() {
        return new TrapException(TrapKind.UNREACHABLE);
    }

    public static TrapException divideByZero() {
        return new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
    }

    public static TrapException integerOverflow() {
        return new TrapException(TrapKind.INTEGER_OVERFLOW);
    }

    public static TrapException invalidConversion() {
        return new TrapException(TrapKind.INVALID_CONVERSION_TO_INTEGER);
    }

    public static TrapException outOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }

    public static TrapException tableOutOfBounds() {
        return new TrapException(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }

    public static TrapException undefinedElement() {
        return new TrapException(TrapKind.UNDEFINED_ELEMENT);
    }

    public static TrapException uninitializedElement() {
        return new TrapException(TrapKind.UNINITIALIZED_ELEMENT);
    }

    public static TrapException indirectCallTypeMismatch() {
        return new TrapException(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }

    public static TrapException callStackExhausted() {
        return new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
    }

    /** The embedder's deadline passed or it called {@link dev.nebula.runtime.Store#interrupt()}. */
    public static TrapException interrupted() {
        return new TrapException(TrapKind.INTERRUPTED);
    }
}
