package dev.nebula.runtime;

/**
 * A valid module uses something this engine does not run yet (for example a SIMD instruction on
 * an engine without SIMD). It is not a trap and not a bug: the module is fine, the engine is not
 * there yet, and the message names what is missing.
 */
public final class UnsupportedFeatureException extends RuntimeException {

    public UnsupportedFeatureException(String message) {
        super(message, null, false, false);
    }
}
