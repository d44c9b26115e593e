package dev.nebula.faas.container;

/**
 * The container engine is not installed, or does not answer ({@code ENGINE info} fails): no
 * container function can run until it does. A host answers 503 and keeps serving Wasm functions.
 */
public final class EngineUnavailableException extends Exception {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
