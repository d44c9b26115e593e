package dev.nebula.runtime;

import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Import;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.validator.ValidatedModule;

import java.util.List;

/**
 * A decoded, validated and engine-compiled module: immutable, thread-safe, and instantiated as
 * often as wanted, in any number of stores.
 */
public final class WasmModule {

    private final Engine engine;
    private final ValidatedModule validated;
    private final CompiledCode code;

    WasmModule(Engine engine, ValidatedModule validated, CompiledCode code) {
        this.engine = engine;
        this.validated = validated;
        this.code = code;
    }

    public Engine engine() {
        return engine;
    }

    public ValidatedModule validated() {
        return validated;
    }

    CompiledCode code() {
        return code;
    }

    public List<Import> imports() {
        return validated.module().imports();
    }

    public List<Export> exports() {
        return validated.module().exports();
    }
}
