package dev.nebula.runtime;

import dev.nebula.runtime.spi.ExecutionEngine;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime as a named module: the API, the SPI and the operator library are exported (the AOT
 * engine's generated classes, in an unnamed module, call the operators), {@code internal} is not.
 */
class ModuleBoundaryTest {

    @Test
    void internalIsNotExported() {
        Module module = Engine.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        Set<String> exported = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.runtime", "dev.nebula.runtime.spi", "dev.nebula.runtime.ops", "dev.nebula.runtime.ops.simd"), exported);
        assertTrue(module.getDescriptor().uses().contains(ExecutionEngine.class.getName()));
    }
}
