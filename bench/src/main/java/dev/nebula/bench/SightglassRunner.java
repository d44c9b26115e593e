package dev.nebula.bench;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One sightglass WASI program, compiled once, run whole ({@code _start}) on a fresh instance per
 * call, under sightglass's convention: argv {@code benchmark.wasm}, the program's folder preopened
 * as {@code .} (it reads {@code default.input} there), {@code bench.start}/{@code bench.end} as
 * no-ops. Every run's exit code and stderr (where these programs print their result) are checked
 * against the snapshot's {@code benchmark.stderr.expected}, so a wrong answer throws instead of
 * being timed.
 */
public abstract class SightglassRunner {

    protected final String program;
    protected final Path dir;
    private final List<String> expectedStderr;

    protected SightglassRunner(String program) {
        this.program = program;
        this.dir = BenchModules.sightglassDir().resolve(program);
        try {
            expectedStderr = Files.readString(dir.resolve("benchmark.stderr.expected")).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code program} (a sightglass folder name) on {@code runtime}: nebula or chicory. */
    public static SightglassRunner create(String runtime, String program) {
        return switch (runtime) {
            case WorkloadRunner.NEBULA -> new NebulaInterpreter(program);
            case WorkloadRunner.CHICORY -> new ChicoryInterpreter(program);
            default -> throw new IllegalArgumentException("unknown runtime " + runtime + " (expected nebula or chicory)");
        };
    }

    /** Runs the program once on a fresh instance and checks its exit code and stderr. */
    public final int run() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = runOnce(err);
        List<String> stderr = err.toString(StandardCharsets.UTF_8).lines().toList();
        if (exit != 0 || !stderr.equals(expectedStderr)) {
            throw new IllegalStateException(program + " on " + getClass().getSimpleName() + " exited " + exit
                    + " with stderr " + stderr + ", expected " + expectedStderr);
        }
        return exit;
    }

    /** One run of {@code _start} writing the guest's stderr to {@code err}; returns the exit code. */
    protected abstract int runOnce(ByteArrayOutputStream err);

    /** Nebula's interpreter, default configuration, with Nebula's WASI. */
    static final class NebulaInterpreter extends SightglassRunner {
        private static final Engine ENGINE = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
        private static final FuncType NO_VALUES = new FuncType(List.of(), List.of());
        private final WasmModule module;

        NebulaInterpreter(String program) {
            super(program);
            module = ENGINE.compile(BenchModules.load(program + "/benchmark.wasm"));
        }

        @Override
        protected int runOnce(ByteArrayOutputStream err) {
            WasiConfig config = WasiConfig.builder().args("benchmark.wasm").stdin(new ByteArrayInputStream(new byte[0]))
                    .stdout(new ByteArrayOutputStream()).stderr(err).preopen(dir, ".", true).build();
            try (Wasi wasi = new Wasi(config)) {
                Linker linker = wasi.define(new Linker())
                        .defineFunction("bench", "start", NO_VALUES, (caller, args) -> new long[0])
                        .defineFunction("bench", "end", NO_VALUES, (caller, args) -> new long[0]);
                return wasi.run(linker.instantiate(new Store(ENGINE), module));
            }
        }
    }

    /**
     * Chicory's interpreter ({@link InterpreterMachine}, its instance builder's default, checked)
     * with Chicory's WASI preview1. The module is parsed (and validated) once; each run builds a
     * new instance of it.
     */
    static final class ChicoryInterpreter extends SightglassRunner {
        private static final FunctionType NO_VALUES = FunctionType.of(List.of(), List.of());
        private final com.dylibso.chicory.wasm.WasmModule module;

        ChicoryInterpreter(String program) {
            super(program);
            module = Parser.parse(BenchModules.load(program + "/benchmark.wasm"));
        }

        @Override
        protected int runOnce(ByteArrayOutputStream err) {
            WasiOptions options = WasiOptions.builder().withArguments(List.of("benchmark.wasm"))
                    .withStdin(new ByteArrayInputStream(new byte[0])).withStdout(new ByteArrayOutputStream())
                    .withStderr(err).withDirectory(".", dir).build();
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
                ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions())
                        .addFunction(new HostFunction("bench", "start", NO_VALUES, (instance, args) -> null),
                                new HostFunction("bench", "end", NO_VALUES, (instance, args) -> null))
                        .build();
                // withStart(false): _start is called below, so that its exit is caught here.
                com.dylibso.chicory.runtime.Instance instance = com.dylibso.chicory.runtime.Instance.builder(module)
                        .withImportValues(imports).withStart(false).build();
                if (instance.getMachine().getClass() != InterpreterMachine.class) {
                    throw new IllegalStateException("Chicory runs " + instance.getMachine().getClass().getName()
                            + ", not its interpreter " + InterpreterMachine.class.getName());
                }
                try {
                    instance.export("_start").apply();
                    return 0;
                } catch (WasiExitException e) {
                    return e.exitCode();
                }
            }
        }
    }
}
