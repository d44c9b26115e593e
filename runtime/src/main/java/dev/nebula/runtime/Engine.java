package dev.nebula.runtime;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.runtime.spi.ExecutionEngine;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.validator.ValidatedModule;

import java.util.ServiceLoader;

/**
 * The entry point of the embedding API: an engine compiles modules under one {@link EngineConfig}.
 * Thread-safe; one engine serves many stores.
 *
 * <pre>{@code
 * Engine engine = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
 * WasmModule module = engine.compile(bytes);
 * Instance instance = new Linker().instantiate(new Store(engine), module);
 * long[] result = instance.function("fib").call(20);
 * }</pre>
 */
public final class Engine {

    private final EngineConfig config;
    private final ExecutionEngine implementation;

    private Engine(EngineConfig config, ExecutionEngine implementation) {
        this.config = config;
        this.implementation = implementation;
    }

    /** Finds the configured engine on the class path, or fails saying which jar is missing. */
    public static Engine create(EngineConfig config) {
        for (ExecutionEngine candidate : ServiceLoader.load(ExecutionEngine.class)) {
            if (candidate.kind() == config.engine()) return new Engine(config, candidate);
        }
        throw new IllegalStateException("engine '" + config.engine().shortName()
                + "' is not on the class path (add the nebula-" + (config.engine() == EngineKind.AOT ? "aot-compiler" : "interpreter") + " jar)");
    }

    /**
     * An engine with the given implementation, for a host that ships its engines and picks one
     * itself instead of searching the class path: {@link #create(EngineConfig)}'s ServiceLoader
     * opens every jar on the class path to look for provider files, which costs a short-lived
     * process (the {@code nebula} command) several milliseconds of its start-up.
     *
     * @throws IllegalArgumentException when {@code implementation} is not the configured kind
     */
    public static Engine create(EngineConfig config, ExecutionEngine implementation) {
        if (implementation.kind() != config.engine()) {
            throw new IllegalArgumentException("engine '" + implementation.kind().shortName() + "' given for a configuration of engine '"
                    + config.engine().shortName() + "'");
        }
        return new Engine(config, implementation);
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Decodes, validates and compiles; throws the typed malformed or invalid exception. A module
     * the engine compiled and kept before from the very same bytes (validated then) is not
     * validated again ({@link ExecutionEngine#precompiled}).
     */
    public WasmModule compile(byte[] moduleBytes) {
        DecodedModule decoded = ModuleDecoder.decode(moduleBytes);
        ExecutionEngine.Precompiled earlier = implementation.precompiled(decoded, config);
        if (earlier != null) return new WasmModule(this, earlier.module(), earlier.code());
        ValidatedModule validated = ModuleValidator.validate(decoded);
        return new WasmModule(this, validated, implementation.compile(validated, config));
    }
}
