package dev.nebula.enginetests;

import dev.nebula.interpreter.testkit.Run;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The C workloads of the bench module (compiled by clang to wasm32-wasi) run on the interpreter
 * and give the checksums that gcc computed natively (bench/src/main/resources/wasm/expected.properties).
 */
class WorkloadTest {

    private static final Path WASM = Path.of("..", "bench", "src", "main", "resources", "wasm");

    /**
     * One compiled module, instances in separate stores on four threads at once: each thread has
     * its own value and frame stacks, and the lazily translated code is shared.
     */
    @Test
    void threadsShareTranslatedCode() throws Exception {
        WasmModule module = Run.ENGINE.compile(Files.readAllBytes(WASM.resolve("sha256.wasm")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    Instance instance = new Linker().instantiate(new Store(Run.ENGINE), module);
                    return instance.function("sha256").call(1000, 2)[0];
                }));
            }
            for (Future<Long> r : results) assertEquals(8934275776965103202L, r.get());
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "fib, small", "fib, default",
        "sieve, small", "sieve, default",
        "matmul, small", "matmul, default",
        "sha256, small", "sha256, default",
        "quicksort, small", "quicksort, default",
    })
    void checksumMatchesNative(String workload, String size) throws IOException {
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(WASM.resolve("expected.properties"))) {
            expected.load(in);
        }
        long[] args = Arrays.stream(expected.getProperty(workload + "." + size + ".args").trim().split("\\s+"))
                .mapToLong(Long::parseLong).toArray();
        long want = Long.parseLong(expected.getProperty(workload + "." + size + ".expected"));

        Instance instance = Run.instantiate(Files.readAllBytes(WASM.resolve(workload + ".wasm")));
        if (instance.exports().containsKey("_initialize")) instance.function("_initialize").call();
        long[] result = instance.function(workload).call(args);
        long got = expected.getProperty(workload + ".result").equals("i32") ? (int) result[0] : result[0];
        assertEquals(want, got);
    }
}
