package dev.nebula.bench;

import dev.nebula.aot.AotCache;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up of a large real module on a warm JVM (issue 7: "compile plus instantiate of sqlite3
 * in under 1 s on a warm JVM, and under 100 ms from the cache"). Each operation takes the module's
 * bytes to an instance linked against WASI and {@code bench.start}/{@code bench.end}, ready for
 * {@code _start}:
 * <ul>
 *   <li>{@code aotCompile}: decode, validate, compile to JVM classes and define them, instantiate
 *       (no cache);</li>
 *   <li>{@code aotCached}: the same from a cache populated in setup (what a second
 *       {@code nebula run --engine aot} does, minus the JVM's own start);</li>
 *   <li>{@code aotCachedDefineAll}: from the cache, then every generated class defined (no instance);</li>
 *   <li>{@code interpreter}: decode, validate and instantiate on the interpreter, for reference.</li>
 * </ul>
 * Every operation compiles anew into a fresh class loader, so the JVM defines the generated classes
 * each time, as a new process would; the JIT, however, is warm for Nebula's own code.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar AotStartBench -f 1 -wi 3 -i 5}
 * (add {@code -p module=...} for another module).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AotStartBench {

    @Param({"sqlite3/sqlite3.wasm"})
    public String module;

    private byte[] bytes;
    private Path cacheDir;
    private Engine aot;
    private Engine interpreter;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bytes = BenchModules.load(module);
        cacheDir = Files.createTempDirectory("nebula-aot-start");
        aot = Engine.create(EngineConfig.defaults(EngineKind.AOT));
        interpreter = Engine.create(EngineConfig.defaults(EngineKind.INTERPRETER));
        // populate the cache once; aotCached then always hits
        AotCache.Result first = new AotCache(cacheDir).compile(ModuleValidator.validate(ModuleDecoder.decode(bytes)));
        if (first.outcome() != AotCache.Outcome.COMPILED) throw new IllegalStateException("cache not empty: " + first);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.clearProperty(AotCache.DIRECTORY_PROPERTY);
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public Instance aotCompile() {
        System.clearProperty(AotCache.DIRECTORY_PROPERTY);
        return instantiate(aot);
    }

    @Benchmark
    public Instance aotCached() {
        System.setProperty(AotCache.DIRECTORY_PROPERTY, cacheDir.toString());
        try {
            return instantiate(aot);
        } finally {
            System.clearProperty(AotCache.DIRECTORY_PROPERTY);
        }
    }

    /**
     * Loading from the cache and then defining every generated class, as if the program called
     * every function: the upper bound of what a lazy start defers (the JVM verifies each class as it
     * is defined).
     */
    @Benchmark
    public Object aotCachedDefineAll() {
        AotCache.Result loaded = new AotCache(cacheDir).compile(ModuleValidator.validate(ModuleDecoder.decode(bytes)));
        loaded.defineAllClasses();
        return loaded;
    }

    @Benchmark
    public Instance interpreter() {
        return instantiate(interpreter);
    }

    private Instance instantiate(Engine engine) {
        WasiConfig config = WasiConfig.builder().args("bench").stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream()).build();
        try (Wasi wasi = new Wasi(config)) {
            FuncType none = new FuncType(List.of(), List.of());
            Linker linker = wasi.define(new Linker())
                    .defineFunction("bench", "start", none, (caller, args) -> new long[0])
                    .defineFunction("bench", "end", none, (caller, args) -> new long[0]);
            WasmModule compiled = engine.compile(bytes);
            return linker.instantiate(new Store(engine), compiled);
        }
    }
}
