package dev.nebula.bench;

import java.util.List;

/**
 * A WASI command module compiled once on one runtime, ready to be run whole ({@code _start}) on
 * a fresh instance as many times as asked: argv as given, one host folder preopened as {@code .},
 * no environment, empty stdin, {@code bench.start}/{@code bench.end} defined as no-ops (sightglass's
 * imports; modules that do not import them are unaffected), stdout and stderr captured.
 */
public interface WasiProgram {

    /** What one run left behind. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    /** One run of {@code _start} on a fresh instance with {@code argv} (argv[0] included). */
    Outcome run(List<String> argv);

    /** {@code wasm} compiled on {@code runtime}, one of {@link WorkloadRunner#ALL}, with {@code dir} preopened as ".". */
    static WasiProgram create(String runtime, byte[] wasm, java.nio.file.Path dir) {
        return switch (runtime) {
            case WorkloadRunner.NEBULA -> new WasiOnNebula(wasm, dir, dev.nebula.runtime.EngineKind.INTERPRETER);
            case WorkloadRunner.NEBULA_AOT -> new WasiOnNebula(wasm, dir, dev.nebula.runtime.EngineKind.AOT);
            case WorkloadRunner.CHICORY -> new WasiOnChicory(wasm, dir, false);
            case WorkloadRunner.CHICORY_COMPILER -> new WasiOnChicory(wasm, dir, true);
            case WorkloadRunner.WASMTIME -> new WasiOnWasmtime(wasm, dir);
            default -> throw new IllegalArgumentException("unknown runtime " + runtime + " (expected one of "
                    + String.join(", ", WorkloadRunner.ALL) + ")");
        };
    }
}
