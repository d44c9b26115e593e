package dev.nebula.bench;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.validator.ModuleValidator;
import dev.nebula.validator.ValidatedModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * How fast Nebula turns the bytes of a large real module into a validated module, and how much
 * of that is decoding alone. Throughput is reported twice: modules per second (the primary
 * score) and MB/s of code section (the {@code codeMB} counter).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DecodeValidate -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeValidateBenchmark {

    /** Sightglass paths (relative to -Dsightglass.dir) and this project's own C program. */
    @Param({
        "intgemm-simd/benchmark.wasm",
        "tinygo/tinygo-json.wasm",
        "sqlite3/sqlite3.wasm",
        "resource:c-program.wasm",
    })
    public String module;

    private byte[] bytes;
    private double codeMegabytes;

    @Setup
    public void load() {
        bytes = BenchModules.load(module);
        ModuleStats stats = ModuleStats.of(bytes);
        codeMegabytes = stats.codeSectionBytes() / 1e6;
        // Decoding and validating once up front also fails fast on a module Nebula rejects.
        ModuleValidator.validate(ModuleDecoder.decode(bytes));
        // JMH has already printed "Iteration 1: " when trial setup runs: start a line of our own.
        System.out.println();
        System.out.println(stats.describe(module));
    }

    @Benchmark
    public DecodedModule decode(CodeThroughput throughput) {
        DecodedModule decoded = ModuleDecoder.decode(bytes);
        throughput.codeMB += codeMegabytes;
        return decoded;
    }

    @Benchmark
    public ValidatedModule decodeAndValidate(CodeThroughput throughput) {
        ValidatedModule validated = ModuleValidator.validate(ModuleDecoder.decode(bytes));
        throughput.codeMB += codeMegabytes;
        return validated;
    }
}
