package dev.nebula.wasi;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WASI as a named module: only its API package is exported; the 46 functions' bodies stay internal. */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() {
        Module module = Wasi.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        Set<String> exported = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.wasi"), exported);
    }
}
