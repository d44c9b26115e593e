package dev.nebula.cli.experiment;

/** A way to run the example functions: a Wasm engine in this process, or a container engine. */
interface FunctionRuntime {

    /** As in the CSV's runtime column: {@code interp}, {@code aot} or {@code container}. */
    String name();

    /**
     * Readies a function before the sweep (a Wasm module is compiled once, as a host does at
     * deploy; a container image must exist).
     *
     * @throws SetupProblem when the function cannot run on this runtime at all
     */
    void prepare(String function) throws SetupProblem;

    /** Runs one invocation with {@code input} on stdin. */
    Measurement invoke(String function, String input) throws SetupProblem, InterruptedException;

    /** A runtime that cannot take part: the sweep stops before it starts, with this message. */
    final class SetupProblem extends Exception {
        SetupProblem(String message) {
            super(message, null, false, false);
        }
    }
}
