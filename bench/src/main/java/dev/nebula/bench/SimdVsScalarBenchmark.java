package dev.nebula.bench;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIMD programs against the scalar build of the same program, on Nebula's interpreter, in one JMH
 * run: sightglass's BLAKE3 (the C reference with {@code -msimd128}, and the Rust scalar crate:
 * same 3.1 MB input, same hash) and intgemm-simd (no scalar build exists). One operation is one
 * whole run of the program ({@code _start}, its input read through WASI from its own folder) on a
 * fresh instance of a module compiled once; every run's stderr, where these programs print their
 * result, must be the expected one, so a wrong answer fails the benchmark instead of timing it.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar SimdVsScalar -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 * Chicory is not in this comparison: it runs SIMD only on Java 21+, and the machine has Java 17.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdVsScalarBenchmark {

    private static final Engine ENGINE = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
    private static final FuncType NO_VALUES = new FuncType(List.of(), List.of());

    @Param({"blake3-scalar", "blake3-simd", "intgemm-simd"})
    public String program;

    private WasmModule module;
    private Path dir;
    private List<String> expectedStderr;

    @Setup
    public void compile() {
        module = ENGINE.compile(BenchModules.load(program + "/benchmark.wasm"));
        dir = BenchModules.sightglassDir().resolve(program);
        try {
            expectedStderr = Files.readString(dir.resolve("benchmark.stderr.expected")).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run();
    }

    @Benchmark
    public int run() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args("benchmark.wasm").stdin(new ByteArrayInputStream(new byte[0]))
                .stdout(new ByteArrayOutputStream()).stderr(err).preopen(dir, ".", true).build();
        int exit;
        try (Wasi wasi = new Wasi(config)) {
            Linker linker = wasi.define(new Linker())
                    .defineFunction("bench", "start", NO_VALUES, (caller, args) -> new long[0])
                    .defineFunction("bench", "end", NO_VALUES, (caller, args) -> new long[0]);
            exit = wasi.run(linker.instantiate(new Store(ENGINE), module));
        }
        List<String> stderr = err.toString(StandardCharsets.UTF_8).lines().toList();
        if (exit != 0 || !stderr.equals(expectedStderr)) {
            throw new IllegalStateException(program + " exited " + exit + " with stderr " + stderr + ", expected " + expectedStderr);
        }
        return exit;
    }
}
