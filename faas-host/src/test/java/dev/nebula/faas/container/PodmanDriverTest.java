package dev.nebula.faas.container;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The container driver against the real podman and the example images that
 * scripts/containers-setup.sh builds. Skipped, with the reason printed, only when podman is not
 * installed; an installed podman that does not work, or missing images, fail.
 */
class PodmanDriverTest {

    private static final String FIB = "localhost/nebula-fn-fibonacci:latest";
    private static final String FIB_RECURSIVE = "localhost/nebula-fn-fibonacci_recursive:latest";
    private static final String FACTORIAL = "localhost/nebula-fn-factorial:latest";
    private static final String HOG = "localhost/nebula-test-memory-hog:latest";

    private static ContainerDriver driver;

    @BeforeAll
    static void needsPodman() throws Exception {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "podman")));
        if (!installed) {
            System.out.println("SKIPPED PodmanDriverTest (all its tests): podman is not installed; run scripts/containers-setup.sh");
        }
        Assumptions.assumeTrue(installed, "podman is not installed; run scripts/containers-setup.sh");
        driver = new ContainerDriver(ContainerEngineConfig.of("podman"));
        driver.checkAvailable();
        for (String image : List.of(FIB, FIB_RECURSIVE, FACTORIAL)) {
            assertTrue(driver.imageExists(image), image + " is missing: run scripts/containers-setup.sh");
        }
    }

    @AfterAll
    static void removeTheHog() throws Exception {
        if (driver != null) podman("rmi", "-f", HOG);
    }

    /** No container and no cgroup of this driver's is left after any test. */
    @AfterEach
    void nothingLeftBehind() throws Exception {
        String containers = podman("ps", "-a", "--filter", "name=^nebula-" + ProcessHandle.current().pid() + "-", "--format", "{{.Names}}");
        assertEquals("", containers.strip(), "containers left behind");
        for (String controller : new String[] {"cpuacct", "memory", ""}) {
            Path group = Path.of("/sys/fs/cgroup", controller, "nebula");
            if (!Files.isDirectory(group)) continue;
            try (Stream<Path> children = Files.list(group)) {
                List<Path> ours = children.filter(p -> p.getFileName().toString().startsWith("nebula-" + ProcessHandle.current().pid() + "-")).toList();
                assertEquals(List.of(), ours, "cgroups left behind");
            }
        }
    }

    private static ContainerResult run(String image, String stdin, ContainerLimits limits) throws Exception {
        return driver.run(ContainerInvocation.of(image, stdin.getBytes(StandardCharsets.UTF_8), limits));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void answersWithTimingsAndTheStampTakenOff() throws Exception {
        long before = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        ContainerResult r = run(FIB, "30\n", ContainerLimits.DEFAULT);
        long after = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        assertEquals(ContainerOutcome.EXITED, r.outcome(), text(r.stderr()));
        assertEquals(0, r.exitCode(), text(r.stderr()));
        assertEquals("832040\n", text(r.stdout()));
        ContainerTimings t = r.timings();
        assertTrue(t.startupMicros().isPresent(), "the stamp was found");
        long startup = t.startupMicros().getAsLong();
        assertTrue(startup > 0 && startup < t.totalMicros(), "startup " + startup + " within total " + t.totalMicros());
        assertTrue(t.totalMicros() <= after - before, "total " + t.totalMicros() + " within the call's " + (after - before));
        assertEquals(t.totalMicros(), startup + t.runMicros());
        System.out.printf("podman fib(30): startup %d µs, run %d µs, total %d µs, cpu %s µs, peak %s bytes%n",
                startup, t.runMicros(), t.totalMicros(), t.cpuMicros(), t.peakMemoryBytes());
        assertTrue(t.cpuMicros().isPresent() && t.cpuMicros().getAsLong() > 1000,
                "a container start costs more than a millisecond of CPU: " + t.cpuMicros());
        assertTrue(t.peakMemoryBytes().isPresent() && t.peakMemoryBytes().getAsLong() > 0, "peak memory: " + t.peakMemoryBytes());
    }

    @Test
    void withoutTheStampTheAnswerIsAsPrinted() throws Exception {
        ContainerResult r = driver.run(new ContainerInvocation(FIB, "10".getBytes(StandardCharsets.UTF_8), List.of(),
                Map.of(), false, ContainerLimits.DEFAULT));
        assertEquals("55\n", text(r.stdout()));
        assertTrue(r.timings().startupMicros().isEmpty());
        assertEquals(r.timings().totalMicros(), r.timings().runMicros());
    }

    @Test
    void environmentReachesTheFunction() throws Exception {
        // NEBULA_STAMP=1 through env, not the stamp flag: the stamp stays in the answer
        ContainerResult r = driver.run(new ContainerInvocation(FIB, "10".getBytes(StandardCharsets.UTF_8), List.of(),
                Map.of("NEBULA_STAMP", "1"), false, ContainerLimits.DEFAULT));
        assertTrue(text(r.stdout()).matches("55\\|\\d{16}\n"), text(r.stdout()));
    }

    @Test
    void badInputIsTheFunctionsExitCodeAndStderr() throws Exception {
        ContainerResult r = run(FACTORIAL, "twenty", ContainerLimits.DEFAULT);
        assertEquals(ContainerOutcome.EXITED, r.outcome());
        assertEquals(2, r.exitCode());
        assertTrue(text(r.stderr()).startsWith("factorial: expected a whole number"), text(r.stderr()));
        assertFalse(r.succeeded());
    }

    @Test
    void timeoutKillsAndRemovesTheContainer() throws Exception {
        long start = System.nanoTime();
        ContainerResult r = run(FIB_RECURSIVE, "50", ContainerLimits.DEFAULT.withTimeout(Duration.ofSeconds(2)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ContainerOutcome.TIMED_OUT, r.outcome());
        assertTrue(tookMillis >= 2000 && tookMillis < 12_000, "the call came back after " + tookMillis + " ms");
        assertFalse(r.succeeded());
    }

    /** The first kill finds no container yet; the driver kills again once the engine has made it. */
    @Test
    void aTimeoutWhileTheEngineIsStillStartingLeavesNothing() throws Exception {
        long start = System.nanoTime();
        ContainerResult r = run(FIB_RECURSIVE, "50", ContainerLimits.DEFAULT.withTimeout(Duration.ofMillis(20)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ContainerOutcome.TIMED_OUT, r.outcome());
        assertTrue(tookMillis < 15_000, "the call came back after " + tookMillis + " ms");
    }

    @Test
    void theHostCanCancelACall() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Runnable> stop = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        try {
            canceller.submit(() -> {
                Thread.sleep(1500);
                stop.get().run();
                return null;
            });
            long start = System.nanoTime();
            ContainerResult r = driver.run(ContainerInvocation.of(FIB_RECURSIVE, "50".getBytes(StandardCharsets.UTF_8), ContainerLimits.DEFAULT),
                    System.nanoTime(), stop::set);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ContainerOutcome.CANCELLED, r.outcome());
            assertTrue(tookMillis >= 1500 && tookMillis < 9000, "the call came back after " + tookMillis + " ms");
        } finally {
            canceller.shutdown();
            assertTrue(canceller.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** Startup and total count from when the host received the request, not from when the driver began. */
    @Test
    void timedFromTheRequestsArrival() throws Exception {
        long received = System.nanoTime() - 300_000_000L; // the request arrived 300 ms ago
        ContainerResult r = driver.run(ContainerInvocation.of(FIB, "5".getBytes(StandardCharsets.UTF_8), ContainerLimits.DEFAULT),
                received, stop -> { });
        assertEquals("5\n", text(r.stdout()));
        assertTrue(r.timings().startupMicros().getAsLong() >= 300_000, "startup " + r.timings().startupMicros());
        assertTrue(r.timings().totalMicros() >= 300_000, "total " + r.timings().totalMicros());
        assertEquals(r.timings().totalMicros(), r.timings().startupMicros().getAsLong() + r.timings().runMicros());
    }

    @Test
    void stdoutPastItsCapIsAnOutputLimit() throws Exception {
        ContainerResult r = run(FACTORIAL, "1000", ContainerLimits.DEFAULT.withMaxStdoutBytes(100));
        assertEquals(ContainerOutcome.OUTPUT_LIMIT, r.outcome());
        assertEquals(100, r.stdout().length);
        assertTrue(text(r.stdout()).startsWith("402387260077"), "1000! begins so: " + text(r.stdout()));
    }

    @Test
    void memoryPastTheLimitIsStopped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        buildHogImage(dir);
        ContainerResult r = run(HOG, "", ContainerLimits.DEFAULT.withMemoryBytes(16L << 20).withTimeout(Duration.ofSeconds(30)));
        assertEquals(ContainerOutcome.MEMORY_LIMIT, r.outcome(), "exit " + r.exitCode() + ", stdout " + text(r.stdout()));
        assertEquals(137, r.exitCode());
    }

    @Test
    void unknownImageIsAStartError() throws Exception {
        ContainerStartException e = assertThrows(ContainerStartException.class,
                () -> run("localhost/nebula-no-such-image:latest", "", ContainerLimits.DEFAULT));
        assertTrue(e.getMessage().contains("nebula-no-such-image"), e.getMessage());
        assertEquals(125, e.engineExitCode());
        assertFalse(driver.imageExists("localhost/nebula-no-such-image:latest"));
    }

    @Test
    void concurrentCallsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<ContainerResult>> calls = new ArrayList<>();
            for (int n = 20; n < 23; n++) {
                String input = Integer.toString(n);
                calls.add(pool.submit(() -> run(FIB, input, ContainerLimits.DEFAULT)));
            }
            assertEquals("6765\n", text(calls.get(0).get().stdout()));
            assertEquals("10946\n", text(calls.get(1).get().stdout()));
            assertEquals("17711\n", text(calls.get(2).get().stdout()));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    /** A static binary that allocates until it is stopped, imported as an image (test only). */
    private static void buildHogImage(Path dir) throws Exception {
        Path source = Path.of("src/test/c/memory_hog.c").toAbsolutePath();
        if (!Files.exists(source)) fail("missing " + source);
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        exec("gcc", "-O2", "-static", "-o", rootfs.resolve("fn").toString(), source.toString());
        exec("tar", "-C", rootfs.toString(), "-cf", dir.resolve("rootfs.tar").toString(), "fn");
        podman("import", "-q", "--change", "ENTRYPOINT [\"/fn\"]", dir.resolve("rootfs.tar").toString(), HOG);
    }

    private static String podman(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return exec(command.toArray(String[]::new));
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        if (p.exitValue() != 0 && !command[0].equals("podman")) fail(String.join(" ", command) + " failed: " + out);
        return out;
    }
}
