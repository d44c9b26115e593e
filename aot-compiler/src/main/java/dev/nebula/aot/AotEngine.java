package dev.nebula.aot;

import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.ExecutionEngine;
import dev.nebula.validator.ValidatedModule;

/**
 * Execution engine 2: ahead-of-time compilation of a whole module to JVM bytecode with ASM. Each
 * Wasm function becomes a static method (Wasm locals in JVM locals, the Wasm operand stack on the
 * JVM operand stack), grouped into a few classes per module that a class loader of the module's
 * own defines, so they are unloaded with it. Found by {@link java.util.ServiceLoader} when
 * {@link EngineKind#AOT} is configured. With the system property {@value AotCache#DIRECTORY_PROPERTY}
 * set, compiled classes are kept in that folder ({@link AotCache}) and a module compiled before is
 * loaded from there instead of compiled (and validated) again. The design is in {@code dev.nebula.aot.internal}'s
 * package documentation.
 */
public final class AotEngine implements ExecutionEngine {

    /** The no-argument constructor ServiceLoader calls. */
    public AotEngine() {
    }

    @Override
    public EngineKind kind() {
        return EngineKind.AOT;
    }

    /** A module found in the configured cache: it is not validated again ({@link AotCache#lookup}). */
    @Override
    public Precompiled precompiled(DecodedModule module, EngineConfig config) {
        AotCache cache = AotCache.configured();
        AotCache.Result hit = cache == null ? null : cache.lookup(module);
        return hit == null ? null : new Precompiled(hit.module().validated(), hit.module());
    }

    @Override
    public CompiledCode compile(ValidatedModule module, EngineConfig config) {
        AotCache cache = AotCache.configured();
        return cache == null ? ModuleCompiler.compile(module) : cache.compile(module).module();
    }
}
