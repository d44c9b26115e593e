package dev.nebula.bench;

import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.ImportType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A WASI program on wasmtime 7 (through wasmtime-java 0.19.0) with wasmtime's own WASI
 * preview1 ({@code wasmtime-wasi}): the module compiled by Cranelift once, then for every run a
 * new store, WASI context, linker and instance.
 *
 * <p>What wasmtime-java's WASI API offers, and how this uses it: arguments ({@code arg}),
 * environment (none is set), a preopened folder under a guest name ({@code preopenedDir}: the
 * program's folder as {@code .}), and stdin/stdout/stderr only as host files ({@code stdin(Path)},
 * {@code stdout(Path)}, {@code stderr(Path)}; no in-memory pipe). So each run writes its output to
 * two temporary files, which are read back and checked like the other runtimes' in-memory output,
 * and stdin is {@code /dev/null}. A {@code proc_exit} (TinyGo's programs call it even with 0)
 * surfaces as a {@link WasmFunctionError.I32ExitError} carrying the status.
 */
final class WasiOnWasmtime implements WasiProgram {

    private final Engine engine;
    private final Module module;
    private final Path stdout;
    private final Path stderr;
    private final Path dir;

    WasiOnWasmtime(byte[] wasm, Path dir) {
        this.dir = dir;
        engine = new Engine();
        module = Module.fromBinary(engine, wasm);
        try {
            stdout = Files.createTempFile("sightglass-wasmtime-", ".stdout");
            stderr = Files.createTempFile("sightglass-wasmtime-", ".stderr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stdout.toFile().deleteOnExit();
        stderr.toFile().deleteOnExit();
    }

    @Override
    public Outcome run(List<String> argv) {
        truncate(stdout);
        truncate(stderr);
        WasiCtx wasi = new WasiCtxBuilder().args(argv).stdin(Path.of("/dev/null")).stdout(stdout).stderr(stderr)
                .preopenedDir(dir, ".").build();
        int exit;
        try (Store<Void> store = new Store<>(null, engine, wasi);
             Linker linker = new Linker(engine);
             Func start = new Func(store, FuncType.empty(), (caller, params, results) -> { });
             Func end = new Func(store, FuncType.empty(), (caller, params, results) -> { })) {
            WasiCtx.addToLinker(linker);
            linker.define(store, "bench", "start", Extern.fromFunc(start));
            linker.define(store, "bench", "end", Extern.fromFunc(end));
            List<Extern> imports = new ArrayList<>();
            for (ImportType type : module.imports()) {
                imports.add(linker.get(store, type.module(), type.name()).orElseThrow(() -> new IllegalStateException(
                        "wasmtime: the module imports " + type.module() + "." + type.name() + ", which nothing defines")));
            }
            try (Instance instance = new Instance(store, module, imports)) {
                Func main = instance.getFunc(store, "_start")
                        .orElseThrow(() -> new IllegalStateException("wasmtime: the module exports no _start"));
                exit = callStart(store, main);
            }
        }
        return new Outcome(exit, read(stdout), read(stderr));
    }

    private static int callStart(Store<Void> store, Func main) {
        try {
            main.call(store);
            return 0;
        } catch (WasmFunctionError.I32ExitError e) {
            return e.exitCode();
        }
    }

    private static void truncate(Path file) {
        try {
            Files.write(file, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
