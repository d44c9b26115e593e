package dev.nebula.conformance.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How wast2json wrote a module of an assertion: as a {@code .wasm} binary, or, for modules that
 * only the text parser can reject ({@code (module quote ...)}), as a {@code .wat} text file.
 */
public enum ModuleType {
    @JsonProperty("binary") BINARY,
    @JsonProperty("text") TEXT;

    /** The name wast2json uses, e.g. {@code text}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
