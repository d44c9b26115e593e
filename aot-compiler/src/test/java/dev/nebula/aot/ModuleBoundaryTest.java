package dev.nebula.aot;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine as a named module: it exports only its API package, yet its generated classes (in
 * their loader's unnamed module) still reach {@code dev.nebula.aot.internal}, which the loader
 * opens to them alone, and the runtime finds the engine through the module's {@code provides}.
 */
class ModuleBoundaryTest {

    /** (import "env" "f" (func (param i32) (result i32))) (func (export "g") (param i32) (result i32) local.get 0 call 0 i32.const 1 i32.add) */
    private static final byte[] CALLS_HOST = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
            1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f,
            2, 9, 1, 3, 'e', 'n', 'v', 1, 'f', 0, 0,
            3, 2, 1, 0,
            7, 5, 1, 1, 'g', 0, 1,
            10, 11, 1, 9, 0, 0x20, 0, 0x10, 0, 0x41, 1, 0x6a, 0x0b};

    @Test
    void theTestsRunInTheNamedModule() {
        Module module = AotEngine.class.getModule();
        assertTrue(module.isNamed(), "surefire runs these tests on the module path");
        assertEquals("dev.nebula.aot", module.getName());
    }

    @Test
    void onlyTheApiPackageIsExported() {
        ModuleDescriptor descriptor = AotEngine.class.getModule().getDescriptor();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("dev.nebula.aot"), exported);
        assertFalse(AotEngine.class.getModule().isExported("dev.nebula.aot.internal"));
    }

    @Test
    void generatedCodeCallsIntoTheInternalPackageAndOutToTheHost() {
        Engine engine = Engine.create(EngineConfig.defaults(EngineKind.AOT));
        AtomicReference<Instance> caller = new AtomicReference<>();
        Linker linker = new Linker().defineFunction("env", "f", new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                (from, args) -> {
                    caller.set(from);
                    return new long[] {args[0] * 2};
                });
        Instance instance = linker.instantiate(new Store(engine), engine.compile(CALLS_HOST));
        assertEquals(11, instance.function("g").call(5)[0]);
        assertSame(instance, caller.get(), "the host function sees the calling instance");
    }
}
