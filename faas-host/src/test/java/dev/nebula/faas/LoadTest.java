package dev.nebula.faas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of concurrent invocations at 127.0.0.1, bounded in count: none fails, the latency
 * percentiles are printed, and afterwards no guest is running, no memory is held by finished
 * instances, no file descriptor is left open, and closing the host ends every thread it started.
 *
 * <p>The same test is the soak: {@code -Dnebula.soak.seconds=600} repeats the rounds for that
 * long (see README, "Soak").
 */
class LoadTest {

    static final int CLIENTS = Integer.getInteger("nebula.load.clients", 200);
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("nebula.load.requests", 10);
    static final long SOAK_SECONDS = Long.getLong("nebula.soak.seconds", 0);

    @TempDir
    Path data;

    @Test
    void hundredsOfConcurrentInvocationsAllSucceedAndLeaveNothingBehind() throws Exception {
        TestHost host = new TestHost(data);
        host.deployed("echo", "echo.wasm", "max_concurrency=" + Math.min(1024, CLIENTS + 8));
        // Warm up, then take the baselines.
        runRound(host, 20, 20);
        long heapBefore = usedHeapAfterGc();
        long fdsBefore = openFileDescriptors();

        long soakEnd = System.nanoTime() + SOAK_SECONDS * 1_000_000_000L;
        int rounds = 0;
        do {
            Round round = runRound(host, CLIENTS, REQUESTS_PER_CLIENT);
            rounds++;
            System.out.println(round.report());
            assertEquals(List.of(), round.failures, "every request succeeds");
            assertEquals(CLIENTS * REQUESTS_PER_CLIENT, round.latencies.length);
        } while (System.nanoTime() < soakEnd);

        assertEquals(0, host.host.invocations().busy(), "no guest still running");
        assertEquals(0, host.host.invocations().abandoned());
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        // Each echo instance owns at least 128 KiB of memory; 2,000 leaked ones would be 250 MiB.
        assertTrue(heapGrowth < (48L << 20), "heap grew by " + (heapGrowth >> 20) + " MiB after " + rounds + " round(s)");
        long fdsAfter = waitForFileDescriptors(fdsBefore + 4);
        assertTrue(fdsAfter <= fdsBefore + 4, "file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
        // Both pools are fixed-size: guest threads at most the host's concurrency cap, HTTP threads 16 more.
        int bound = HostConfig.DEFAULT_MAX_CONCURRENT_INVOCATIONS * 2 + 16;
        assertTrue(hostThreads() <= bound, "threads stay within the pools' bound of " + bound + ": " + hostThreads());

        host.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (hostThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(0, hostThreads(), "closing the host ends its threads");
    }

    private static final class Round {
        final List<String> failures = new ArrayList<>();
        long[] latencies;
        long[] startups;
        double seconds;

        String report() {
            Arrays.sort(latencies);
            Arrays.sort(startups);
            return String.format("load: %d invocations by %d clients in %.2f s = %.0f/s; round trip p50 %d µs, p90 %d µs, p99 %d µs, max %d µs;"
                            + " host start-up p50 %d µs, p99 %d µs; failed %d",
                    latencies.length, CLIENTS, seconds, latencies.length / seconds,
                    percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), latencies[latencies.length - 1],
                    percentile(startups, 50), percentile(startups, 99), failures.size());
        }
    }

    private static Round runRound(TestHost host, int clients, int requestsEach) throws Exception {
        Round round = new Round();
        long[] latencies = new long[clients * requestsEach];
        long[] startups = new long[clients * requestsEach];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                try (RawHttpClient http = new RawHttpClient(host.host.port())) {
                    go.await();
                    for (int r = 0; r < requestsEach; r++) {
                        byte[] input = ("client " + client + " request " + r).getBytes(StandardCharsets.UTF_8);
                        long start = System.nanoTime();
                        RawHttpClient.Response response = http.post("/function/echo", input);
                        int slot = next.getAndIncrement();
                        latencies[slot] = (System.nanoTime() - start) / 1000;
                        startups[slot] = Long.parseLong(response.headers().getOrDefault("x-startup-micros", "-1"));
                        if (response.status() != 200 || !Arrays.equals(input, response.body())) {
                            synchronized (round.failures) {
                                round.failures.add(response.status() + " " + new String(response.body(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        round.seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        round.latencies = latencies;
        round.startups = startups;
        return round;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long openFileDescriptors() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Server-side sockets close a moment after their clients do; wait for that. */
    private static long waitForFileDescriptors(long target) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long count = openFileDescriptors();
        while (count > target && System.nanoTime() < deadline) {
            Thread.sleep(50);
            count = openFileDescriptors();
        }
        return count;
    }

    private static long hostThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith(GuestExecutor.THREAD_PREFIX) || t.getName().startsWith(FaasHost.HTTP_THREAD_PREFIX)))
                .count();
    }
}
