package dev.nebula.cli;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI's tests run on the class path (see cli/pom.xml), so the JVM does not check its module
 * descriptor for them; this reads the built descriptor instead: an application that exports
 * nothing, carries picocli inside, and requires the modules it names (not picocli's jar).
 */
class CliModuleTest {

    private static ModuleDescriptor builtDescriptor() throws URISyntaxException {
        Path classes = Path.of(Nebula.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ModuleReference> found = List.copyOf(ModuleFinder.of(classes).findAll());
        assertEquals(1, found.size(), "one module in " + classes);
        return found.get(0).descriptor();
    }

    @Test
    void exportsNothingAndHoldsPicocli() throws URISyntaxException {
        ModuleDescriptor descriptor = builtDescriptor();
        assertEquals("dev.nebula.cli", descriptor.name());
        assertTrue(descriptor.exports().isEmpty(), "exports " + descriptor.exports());
        assertTrue(descriptor.packages().contains("picocli"), "picocli is compiled into the module: " + descriptor.packages());
    }

    @Test
    void requiresBothEnginesAndNoPicocliJar() throws URISyntaxException {
        Set<String> required = builtDescriptor().requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertFalse(required.contains("info.picocli"), required.toString());
        assertTrue(required.containsAll(Set.of("dev.nebula.interpreter", "dev.nebula.aot", "dev.nebula.conformance", "dev.nebula.faas")), required.toString());
    }
}
