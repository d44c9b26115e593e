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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A WASI program on one of Nebula's engines (default configuration) with Nebula's WASI:
 * compiled once (for the AOT engine: its classes generated once, before any run), instantiated
 * afresh for every run, output captured in memory.
 */
final class WasiOnNebula implements WasiProgram {

    private static final FuncType NO_VALUES = new FuncType(List.of(), List.of());
    private final Engine engine;
    private final WasmModule module;
    private final Path dir;

    WasiOnNebula(byte[] wasm, Path dir, EngineKind kind) {
        this.dir = dir;
        engine = Engine.create(EngineConfig.defaults(kind));
        module = engine.compile(wasm);
    }

    @Override
    public Outcome run(List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args(argv.toArray(String[]::new)).stdin(new ByteArrayInputStream(new byte[0]))
                .stdout(out).stderr(err).preopen(dir, ".", true).build();
        int exit;
        try (Wasi wasi = new Wasi(config)) {
            Linker linker = wasi.define(new Linker())
                    .defineFunction("bench", "start", NO_VALUES, (caller, args) -> new long[0])
                    .defineFunction("bench", "end", NO_VALUES, (caller, args) -> new long[0]);
            exit = wasi.run(linker.instantiate(new Store(engine), module));
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
