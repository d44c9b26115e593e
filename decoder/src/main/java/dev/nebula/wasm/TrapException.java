package dev.nebula.wasm;

import java.util.List;

/**
 * Execution trapped (spec 4.4.1). Carries the {@link TrapKind} and the Wasm call stack at the
 * trap, innermost frame first, each frame named from the name section where it has one.
 */
public final class TrapException extends WasmException {

    private final TrapKind kind;
    private final List<String> wasmStack;

    public TrapException(TrapKind kind) {
        this(kind, null, List.of());
    }

    public TrapException(TrapKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public TrapException(TrapKind kind, String detail, List<String> wasmStack) {
        super(kind.message(), detail);
        this.kind = kind;
        this.wasmStack = List.copyOf(wasmStack);
    }

    public TrapKind kind() {
        return kind;
    }

    /** Wasm frames at the trap, innermost first, e.g. {@code "func 3 ($fib)"}. */
    public List<String> wasmStack() {
        return wasmStack;
    }

    /** The same trap with the Wasm stack filled in, as the engine unwinds. */
    public TrapException withWasmStack(List<String> stack) {
        return new TrapException(kind, detail(), stack);
    }

    private String detail() {
        String full = getMessage();
        String spec = specMessage();
        return full.length() > spec.length() + 2 ? full.substring(spec.length() + 2) : null;
    }
}
