package dev.nebula.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A WASI program on Chicory 1.7.5 with Chicory's WASI preview1: its interpreter
 * ({@link InterpreterMachine}, the instance builder's default, checked so that a change of default
 * cannot silently switch the comparison), or its compiler ({@code com.dylibso.chicory:compiler},
 * the module compiled to JVM classes once, before any run). The module is parsed (and validated)
 * once; each run builds a new instance of it.
 */
final class WasiOnChicory implements WasiProgram {

    private static final FunctionType NO_VALUES = FunctionType.of(List.of(), List.of());
    private final boolean compiled;
    private final WasmModule module;
    private final Function<Instance, Machine> machine;
    private final Path dir;

    WasiOnChicory(byte[] wasm, Path dir, boolean compiled) {
        this.compiled = compiled;
        this.dir = dir;
        module = Parser.parse(wasm);
        machine = compiled ? MachineFactoryCompiler.compile(module) : null;
    }

    @Override
    public Outcome run(List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder().withArguments(argv)
                .withStdin(new ByteArrayInputStream(new byte[0])).withStdout(out).withStderr(err)
                .withDirectory(".", dir).build();
        int exit;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions())
                    .addFunction(new HostFunction("bench", "start", NO_VALUES, (instance, args) -> null),
                            new HostFunction("bench", "end", NO_VALUES, (instance, args) -> null))
                    .build();
            // withStart(false): _start is called below, so that its exit is caught here.
            Instance.Builder builder = Instance.builder(module).withImportValues(imports).withStart(false);
            if (compiled) builder.withMachineFactory(machine);
            Instance instance = builder.build();
            if (!compiled && instance.getMachine().getClass() != InterpreterMachine.class) {
                throw new IllegalStateException("Chicory runs " + instance.getMachine().getClass().getName()
                        + ", not its interpreter " + InterpreterMachine.class.getName());
            }
            try {
                instance.export("_start").apply();
                exit = 0;
            } catch (WasiExitException e) {
                exit = e.exitCode();
            }
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
