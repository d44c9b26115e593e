package dev.nebula.interpreter;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.spi.ExecutionEngine;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine as a named module: only its API package is exported, and the runtime finds it through {@code provides}. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() {
        Module module = InterpreterEngine.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        Set<String> exported = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.interpreter"), exported);
    }

    @Test
    void providesTheEngineService() {
        ModuleDescriptor descriptor = InterpreterEngine.class.getModule().getDescriptor();
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(ExecutionEngine.class.getName())
                && p.providers().equals(java.util.List.of(InterpreterEngine.class.getName()))));
        assertEquals(EngineKind.INTERPRETER, Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER)).config().engine());
    }
}
