package dev.nebula.faas;

/**
 * A kind of function the host can run: Wasm modules today; a container image run per call is
 * meant to sit beside it later. A runtime turns a deployed artifact into an {@link Invoker}
 * once, at deploy (and again when the host restarts), so that each call pays only for its own
 * isolated state.
 */
public interface FunctionRuntime {

    /** The name the API shows as the function's {@code runtime}, e.g. {@code "wasm"}. */
    String kind();

    /**
     * Checks and prepares {@code artifact} (for Wasm: decode, validate, compile and pre-link the
     * module) to run as {@code spec} says.
     *
     * @throws DeployException when the artifact cannot run here; its message is shown to the client
     */
    Invoker prepare(FunctionSpec spec, byte[] artifact);
}
