package dev.nebula.faas;

/**
 * How an invocation ended, with the HTTP status the API answers and the {@code kind} its JSON
 * error names. Every failure kind is distinct in the JSON; the statuses follow common gateway
 * practice (504 for a timeout, 429 for too many calls, 413 for a body over its cap).
 */
public enum Outcome {
    /** Exited with 0 (returned from {@code _start} or called {@code proc_exit(0)}). */
    OK("ok", 200),
    /** Exited with a non-zero code. */
    EXIT("exit", 500),
    /** Trapped (unreachable, out of bounds, divide by zero, call stack exhausted, ...). */
    TRAP("trap", 500),
    /** Ran past its wall-clock timeout and was interrupted. */
    TIMEOUT("timeout", 504),
    /** Needed more memory than its {@code max_memory_pages}. */
    MEMORY_LIMIT("memory_limit", 500),
    /** Wrote more than {@code max_output_bytes} to stdout or stderr and was stopped. */
    OUTPUT_LIMIT("output_limit", 500),
    /** Used a feature the engine does not run. */
    UNSUPPORTED("unsupported", 500),
    /** Refused before running: the function already runs {@code max_concurrency} calls, or the host is full. */
    CONCURRENCY_LIMIT("concurrency_limit", 429),
    /** Refused before running: the request body was over {@code max_body_bytes}. */
    BODY_LIMIT("body_limit", 413),
    /** A container function whose engine is not installed or not answering; Wasm functions are unaffected. */
    ENGINE_UNAVAILABLE("engine_unavailable", 503),
    /** The container engine would not start the function's container (its image is gone, its entrypoint fails). */
    CONTAINER_START("container_start", 500),
    /** A bug in the host. */
    INTERNAL("internal", 500);

    private final String kind;
    private final int httpStatus;

    Outcome(String kind, int httpStatus) {
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    /** The name the API uses (JSON {@code kind}, metrics label {@code outcome}). */
    public String kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
