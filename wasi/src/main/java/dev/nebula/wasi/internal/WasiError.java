package dev.nebula.wasi.internal;

/**
 * An operation failed with a WASI errno. Thrown inside the implementation and turned into the
 * function's return value at the import boundary, so that deep helpers can fail without threading
 * error codes through every return. Carries no stack trace: it is control flow, not a bug.
 */
public final class WasiError extends RuntimeException {

    private final int errno;

    public WasiError(int errno) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
