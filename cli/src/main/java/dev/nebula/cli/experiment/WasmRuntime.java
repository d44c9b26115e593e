package dev.nebula.cli.experiment;

import dev.nebula.faas.container.StartStamp;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import dev.nebula.wasm.WasmException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wasm functions in this process, as the host runs them: each module compiled once, then per
 * invocation a fresh store, WASI context and instance, stdin in and stdout out. The clock starts
 * before any of that, so startup (request until the guest's {@code main}) includes linking,
 * instantiation and WASI set-up. Must be called from one thread with a large stack (the guest
 * thread), since the interpreter recurses with the guest.
 */
final class WasmRuntime implements FunctionRuntime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final EngineKind kind;
    private final Engine engine;
    private final Path examples;
    private final Duration timeout;
    private final Map<String, WasmModule> compiled = new HashMap<>();

    WasmRuntime(EngineKind kind, Path examples, Duration timeout) throws SetupProblem {
        this.kind = kind;
        this.examples = examples;
        this.timeout = timeout;
        try {
            this.engine = Engine.create(EngineConfig.defaults(kind));
        } catch (IllegalStateException e) {
            throw new SetupProblem("the " + kind.shortName() + " engine is not in this build: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return kind.shortName();
    }

    @Override
    public void prepare(String function) throws SetupProblem {
        Path file = examples.resolve(function + ".wasm");
        try {
            compiled.put(function, engine.compile(Files.readAllBytes(file)));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SetupProblem(file + " does not exist (build it with examples/build.sh, or point --examples at the folder)");
        } catch (IOException e) {
            throw new SetupProblem("cannot read " + file + ": " + e.getMessage());
        } catch (WasmException e) {
            throw new SetupProblem(file + " does not compile: " + e.getMessage());
        }
    }

    @Override
    public Measurement invoke(String function, String input) {
        WasmModule module = compiled.get(function);
        long requestNanos = System.nanoTime();
        long requestMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder()
                .args(function)
                .env(StartStamp.VARIABLE, "1")
                .stdin(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
                .stdout(out)
                .stderr(err)
                .build();
        int exit;
        String problem = null;
        long peakMemory = -1;
        try (Wasi wasi = new Wasi(config)) {
            Store store = new Store(engine);
            store.setDeadline(timeout);
            Instance instance = wasi.define(new Linker()).instantiate(store, module);
            try {
                exit = wasi.run(instance);
            } finally {
                Memory memory = instance.defaultMemory();
                if (memory != null) peakMemory = (long) memory.pages() * Memory.PAGE_SIZE;
            }
        } catch (TrapException e) {
            boolean late = e.kind() == TrapKind.INTERRUPTED;
            exit = late ? Measurement.TIMED_OUT : 134;
            problem = late ? "timed out after " + timeout.toMillis() + " ms" : "trap: " + e.getMessage();
        }
        long endNanos = System.nanoTime();
        long cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1000;
        long totalMicros = (endNanos - requestNanos) / 1000;
        Optional<StartStamp.Stamped> stamped = StartStamp.strip(out.toByteArray());
        long startup = stamped.map(s -> Math.max(0, s.mainStartMicros() - requestMicros)).orElse(-1L);
        String answer = new String(stamped.map(StartStamp.Stamped::answer).orElse(out.toByteArray()), StandardCharsets.UTF_8).strip();
        if (problem == null && exit != 0) problem = "exit " + exit + ": " + err.toString(StandardCharsets.UTF_8).strip();
        return new Measurement(startup, startup < 0 ? totalMicros : totalMicros - startup, totalMicros,
                cpuMicros, peakMemory, exit, answer, problem);
    }
}
