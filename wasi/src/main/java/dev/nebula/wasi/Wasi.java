package dev.nebula.wasi;

import dev.nebula.runtime.Engine;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.internal.Preview1;
import dev.nebula.wasi.internal.WasiContext;
import dev.nebula.wasm.WasiExitException;

import java.util.List;

/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for one program: its file descriptors, its view
 * of the host as a {@link WasiConfig} grants it, and the 46 host functions that serve it.
 * Descriptors belong to this object, so two programs never share them; use one {@code Wasi} per
 * instance. Not thread-safe.
 *
 * <pre>{@code
 * try (Wasi wasi = new Wasi(config)) {
 *     Linker linker = wasi.define(new Linker());
 *     Instance instance = linker.instantiate(new Store(engine), module);
 *     int exitCode = wasi.run(instance);
 * }
 * }</pre>
 *
 * <p>Errors: every function returns a preview1 errno rather than trapping. A guest pointer
 * outside memory gives EFAULT (21), checked before any side effect, so a failed call has not
 * half-happened. {@code proc_exit} throws {@link WasiExitException}, which {@link #run} turns
 * into the exit code; a trap in the program propagates as the runtime's trap exception.
 */
public final class Wasi implements AutoCloseable {

    /** The import module name of preview1. */
    public static final String MODULE = Preview1.MODULE;

    private final Preview1 preview1;

    /**
     * Opens the standard streams and preopened directories that {@code config} names.
     *
     * @throws IllegalArgumentException if a preopen is not a directory
     * @throws java.io.UncheckedIOException if a stdio file cannot be opened
     */
    public Wasi(WasiConfig config) {
        this.preview1 = new Preview1(new WasiContext(config));
    }

    /** The names of all preview1 functions this module provides (all 46 of the snapshot). */
    public static List<String> functionNames() {
        return List.copyOf(new Preview1(new WasiContext(WasiConfig.builder().build())).functions().keySet());
    }

    /** Adds every preview1 function to {@code linker} under {@value #MODULE}; returns the linker. */
    public Linker define(Linker linker) {
        for (Preview1.Function f : preview1.functions().values()) {
            linker.defineFunction(MODULE, f.name(), f.type(), preview1.hostFunction(f));
        }
        return linker;
    }

    /**
     * Runs a command module: calls its {@code _start} export and returns the exit code, 0 when
     * {@code _start} returns and the {@code proc_exit} code when the program exits. Standard
     * output and error are flushed either way.
     */
    public int run(Instance instance) {
        preview1.bind(instance);
        try {
            instance.function("_start").call();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        } finally {
            preview1.context().fds().flushAll();
        }
    }

    /**
     * Compiles, links and runs a command module in a fresh store, then closes every descriptor:
     * the whole life of one program.
     */
    public static int run(Engine engine, byte[] moduleBytes, WasiConfig config) {
        WasmModule module = engine.compile(moduleBytes);
        try (Wasi wasi = new Wasi(config)) {
            Instance instance;
            try {
                instance = wasi.define(new Linker()).instantiate(new Store(engine), module);
            } catch (WasiExitException exitInStartFunction) {
                return exitInStartFunction.exitCode();
            }
            return wasi.run(instance);
        }
    }

    /**
     * Calls one preview1 function directly against {@code memory}, as the guest would: for tests
     * and tools. Returns the errno.
     */
    public int call(String function, Memory memory, long... args) {
        return preview1.invoke(function, memory, args);
    }

    /** Flushes standard output and error. */
    public void flush() {
        preview1.context().fds().flushAll();
    }

    /** Closes every descriptor this program still has open; the embedder's streams are flushed, not closed. */
    @Override
    public void close() {
        preview1.context().fds().flushAll();
        preview1.context().fds().closeAll();
    }
}
