package dev.nebula.enginetests;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.interpreter.testkit.Run;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sightglass programs (real C, C++, Rust and Go programs compiled to WASI) run on the engine
 * of this run, as sightglass runs them: the benchmark's folder preopened as ".", no arguments,
 * {@code bench.start}/{@code bench.end} as no-ops; exit code 0 and stdout exactly the upstream
 * {@code <stem>.stdout.expected} (else {@code default.stdout.expected}, else {@code benchmark.stdout.expected}).
 * The SIMD programs run too (blake3-simd, intgemm-simd, meshoptimizer), except the 79 libsodium
 * tests, which only {@code -Dsightglass.all=true} adds: together they take minutes, and the wasi
 * module's {@code SightglassSimdTest} runs three of them on both engines in every build.
 */
class SightglassProgramsTest {

    static Path sightglass() {
        String dir = System.getProperty("sightglass.dir");
        Path p = Path.of(dir == null ? "../../shared/sightglass" : dir);
        assertTrue(Files.isDirectory(p), "sightglass snapshot not found at " + p.toAbsolutePath() + " (set -Dsightglass.dir)");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyProgramPrintsItsExpectedOutput() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.walk(sightglass())) {
            modules = files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
        assertTrue(modules.size() >= 100, "sightglass snapshot incomplete: " + modules.size() + " modules");
        return modules.stream().map(m -> DynamicTest.dynamicTest(sightglass().relativize(m).toString(), () -> run(m)));
    }

    /**
     * Programs that run for half a minute or more on either engine (measured on the CI machine):
     * left out of the default run, which must stay short, and run with -Dsightglass.all=true.
     */
    private static final java.util.Set<String> LONG_RUNNING = java.util.Set.of(
            "gcc-loops/benchmark.wasm", "shootout/shootout-ed25519.wasm", "shootout/shootout-seqhash.wasm",
            "sqlite3/sqlite3.wasm");

    private static void run(Path wasm) throws Exception {
        String id = sightglass().relativize(wasm).toString();
        if (LONG_RUNNING.contains(id) && !Boolean.getBoolean("sightglass.all")) {
            Assumptions.abort("long-running: run with -Dsightglass.all=true");
        }
        byte[] bytes = Files.readAllBytes(wasm);
        if (id.startsWith("libsodium/") && usesSimd(ModuleDecoder.decode(bytes)) && !Boolean.getBoolean("sightglass.all")) {
            Assumptions.abort("a libsodium SIMD test: SightglassSimdTest samples them; run all with -Dsightglass.all=true");
        }
        Path dir = wasm.getParent();
        String stem = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
        Path expected = firstExisting(dir.resolve(stem + ".stdout.expected"), dir.resolve("default.stdout.expected"),
                dir.resolve("benchmark.stdout.expected"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args(wasm.getFileName().toString()).stdout(out).stderr(err)
                .preopen(dir, ".", true).build();
        AtomicReference<Object> exit = new AtomicReference<>();
        // Guest code on a large stack, as the CLI runs it (compiled Wasm calls are JVM calls).
        Thread guest = new Thread(null, () -> {
            try (Wasi wasi = new Wasi(config)) {
                FuncType none = new FuncType(List.of(), List.of());
                Linker linker = wasi.define(new Linker())
                        .defineFunction("bench", "start", none, (caller, args) -> new long[0])
                        .defineFunction("bench", "end", none, (caller, args) -> new long[0]);
                WasmModule module = Run.ENGINE.compile(bytes);
                Instance instance = linker.instantiate(new Store(Run.ENGINE), module);
                exit.set(wasi.run(instance));
            } catch (Throwable e) {
                exit.set(e);
            }
        }, "guest", 512L * 1024 * 1024);
        guest.start();
        guest.join();
        if (exit.get() instanceof Throwable t) throw new AssertionError(wasm + " failed: " + t, t);
        assertEquals(0, exit.get(), "exit code; stderr: " + err.toString(StandardCharsets.UTF_8));
        if (expected != null) {
            assertEquals(Files.readString(expected), out.toString(StandardCharsets.UTF_8), "stdout of " + wasm);
        }
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) if (Files.isRegularFile(p)) return p;
        return null;
    }

    /** Whether any function body holds a SIMD (0xFD) instruction. */
    static boolean usesSimd(DecodedModule module) {
        for (FunctionBody body : module.bodies()) {
            CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
            while (code.position() < body.codeEnd()) {
                if (code.next().prefix() == Opcode.PREFIX_FD) return true;
            }
        }
        return false;
    }
}
