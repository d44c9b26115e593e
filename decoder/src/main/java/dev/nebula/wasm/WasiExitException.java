package dev.nebula.wasm;

/**
 * A WASI program called {@code proc_exit}: not an error but the end of the program, carried up
 * through the Wasm frames like a trap without becoming one.
 */
public final class WasiExitException extends WasmException {

    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("exit", "code " + exitCode);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
