package dev.nebula.conformance.skip;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harnesses as a named module: {@code internal} is not exported, and only Jackson may reflect over the spec scripts' records. */
class ModuleBoundaryTest {

    @Test
    void internalIsNotExported() {
        Module module = SkipList.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        ModuleDescriptor descriptor = module.getDescriptor();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.conformance.skip", "dev.nebula.conformance.spec", "dev.nebula.conformance.wasi"), exported);
        Set<String> opened = descriptor.opens().stream().map(o -> o.source() + " to " + o.targets()).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.conformance.spec to [com.fasterxml.jackson.databind]"), opened);
    }
}
