package dev.nebula.wasi;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real SIMD programs from sightglass (compiled C with {@code -msimd128}) run on each engine (the
 * interpreter and the AOT compiler) and print their expected output, under sightglass's convention (ORIGIN.txt): the benchmark's folder
 * preopened as ".", no arguments beyond argv[0], empty environment, stdout and stderr compared
 * line by line with {@code <stem>.stdout.expected} or {@code default.stdout.expected} (and stderr alike). The {@code bench} module
 * they import ({@code start}, {@code end}: marks around the timed part) is a pair of no-ops here.
 * A few quick ones run in the suite; all 82 SIMD programs of the snapshot were run by hand on
 * both engines.
 */
class SightglassSimdTest {

    private static final List<String> PROGRAMS = List.of(
            "blake3-simd/benchmark.wasm",
            "libsodium/libsodium-auth.wasm",
            "libsodium/libsodium-aead_chacha20poly1305.wasm",
            "libsodium/libsodium-generichash.wasm");
    private static final FuncType NO_VALUES = new FuncType(List.of(), List.of());

    private static Path sightglass() {
        Path dir = Path.of(System.getProperty("sightglass.dir", "../../shared/sightglass"));
        assertTrue(Files.isDirectory(dir), "sightglass programs not found at " + dir.toAbsolutePath()
                + ": put the snapshot described in its ORIGIN.txt there, or pass -Dsightglass.dir=PATH");
        return dir;
    }

    static List<Arguments> programsPerEngine() {
        List<Arguments> out = new ArrayList<>();
        for (EngineKind kind : EngineKind.values()) for (String p : PROGRAMS) out.add(Arguments.of(kind, p));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programsPerEngine")
    void runsWithItsExpectedOutput(EngineKind kind, String program) throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults(kind));
        Path wasm = sightglass().resolve(program);
        Path dir = wasm.getParent();
        byte[] bytes = Files.readAllBytes(wasm);
        assertTrue(usesSimd(bytes), program + " contains no SIMD instruction, so it tests nothing here");
        String stem = wasm.getFileName().toString().replace(".wasm", "");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args(wasm.getFileName().toString())
                .stdin(new ByteArrayInputStream(new byte[0])).stdout(out).stderr(err)
                .preopen(dir, ".", true).build();
        AtomicReference<Object> result = new AtomicReference<>();
        // guest code on a large stack, as the CLI runs it (compiled Wasm calls are JVM calls)
        Thread guest = new Thread(null, () -> {
            try (Wasi wasi = new Wasi(config)) {
                Linker linker = wasi.define(new Linker())
                        .defineFunction("bench", "start", NO_VALUES, (caller, args) -> new long[0])
                        .defineFunction("bench", "end", NO_VALUES, (caller, args) -> new long[0]);
                Instance instance = linker.instantiate(new Store(engine), engine.compile(bytes));
                result.set(wasi.run(instance));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "guest", 256L * 1024 * 1024);
        guest.start();
        guest.join();
        if (result.get() instanceof Throwable t) throw new AssertionError(program + " on " + kind + " failed: " + t, t);
        int exit = (Integer) result.get();
        assertEquals(0, exit, program + " stderr: " + err.toString(StandardCharsets.UTF_8));
        assertEquals(expected(dir, stem, "stdout"), out.toString(StandardCharsets.UTF_8).lines().toList(), "stdout");
        assertEquals(expected(dir, stem, "stderr"), err.toString(StandardCharsets.UTF_8).lines().toList(), "stderr");
    }

    /** The lines of {@code <stem>.<stream>.expected}, else of {@code default.<stream>.expected}. */
    private static List<String> expected(Path dir, String stem, String stream) throws IOException {
        Path file = dir.resolve(stem + "." + stream + ".expected");
        if (!Files.exists(file)) file = dir.resolve("default." + stream + ".expected");
        assertTrue(Files.exists(file), "no expected " + stream + " for " + stem + " in " + dir);
        return Files.readString(file).lines().toList();
    }

    /** Whether any function body holds a 0xFD-prefixed (SIMD) instruction. */
    private static boolean usesSimd(byte[] bytes) {
        DecodedModule module = ModuleDecoder.decode(bytes);
        for (FunctionBody body : module.bodies()) {
            CodeReader reader = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
            int depth = 1;
            while (depth > 0) {
                Opcode op = reader.next();
                if (op.prefix() == Opcode.PREFIX_FD) return true;
                if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF) depth++;
                if (op == Opcode.END) depth--;
            }
        }
        return false;
    }
}
