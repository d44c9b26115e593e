package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /function/NAME}: outputs, headers, isolation, and each limit holding while the host keeps serving. */
class InvokeApiTest {

    @TempDir
    static Path data;

    private static TestHost host;

    @BeforeAll
    static void start() throws IOException {
        host = new TestHost(data);
        host.deployed("echo", "echo.wasm", "max_body_bytes=1000");
        host.deployed("counter", "counter.wasm", "");
        host.deployed("loop", "loop.wasm", "timeout_ms=300");
        host.deployed("sleeper", "sleeper.wasm", "timeout_ms=300");
        host.deployed("membomb", "membomb.wasm", "max_memory_pages=40");
        host.deployed("trap", "trap.wasm", "");
        host.deployed("flood", "flood.wasm", "max_output_bytes=100000");
        host.deployed("exit3", "exit3.wasm", "");
    }

    @AfterEach
    void stillServing() {
        host.assertServing();
        host.deployed("echo-after", "echo.wasm", "");
        assertEquals("still here", host.invoke("echo-after", "still here").body());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void stdinInStdoutOutWithTimingHeaders() {
        HttpResponse<String> response = host.invoke("echo", "hello, function");
        assertEquals(200, response.statusCode());
        assertEquals("hello, function", response.body());
        assertEquals("0", response.headers().firstValue("X-Exit-Code").orElseThrow());
        assertEquals("ok", response.headers().firstValue("X-Outcome").orElseThrow());
        long startup = header(response, "X-Startup-Micros");
        long run = header(response, "X-Run-Micros");
        long total = header(response, "X-Total-Micros");
        assertTrue(startup > 0 && run > 0 && header(response, "X-Cpu-Micros") > 0, response.headers().toString());
        assertTrue(total >= startup + run - 1 && total <= startup + run + 1, "total = startup + run: " + response.headers());
        assertEquals("", host.invoke("echo", "").body());
    }

    @Test
    void everyCallGetsAFreshInstanceWithOnlyWhatTheHostGrants() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = host.invoke("counter", "");
            assertEquals(200, response.statusCode());
            // A global counter that starts from zero each time, argv = [name], no environment, no files.
            assertEquals("calls=1 argv0=counter argc=1 env=0 fs=none\n", response.body());
        }
    }

    @Test
    void stderrComesBackOnRequest() {
        HttpResponse<String> response = host.invoke("echo", "out", "stderr=1");
        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("ok", body.get("kind").asText());
        assertEquals("out", body.get("stdout").asText());
        assertEquals("", body.get("stderr").asText());
        assertEquals(0, body.get("exit_code").asInt());
    }

    @Test
    void aNonZeroExitIsAnErrorWithItsCodeAndStderr() {
        HttpResponse<String> response = host.invoke("exit3", "");
        assertEquals(500, response.statusCode());
        assertEquals("3", response.headers().firstValue("X-Exit-Code").orElseThrow());
        JsonNode body = json(response);
        assertEquals("exit", body.get("kind").asText());
        assertEquals(3, body.get("exit_code").asInt());
        assertEquals("bad input\n", body.get("stderr").asText());
        assertEquals("the function exited with code 3", body.get("message").asText());
    }

    @Test
    void aTrapIsNamed() {
        HttpResponse<String> response = host.invoke("trap", "");
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        assertEquals("trap", body.get("kind").asText());
        assertEquals("trap: integer divide by zero", body.get("message").asText());
        assertTrue(body.get("exit_code").isNull());
        assertFalse(response.headers().firstValue("X-Exit-Code").isPresent());
    }

    @Test
    void anInfiniteLoopIsStoppedAtItsTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> response = host.invoke("loop", "");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, response.statusCode());
        JsonNode body = json(response);
        assertEquals("timeout", body.get("kind").asText());
        // Normally the store's deadline stops it ("... and was stopped"); on a badly overloaded
        // machine the host's backstop may get there first ("... stopped by the host").
        assertTrue(body.get("message").asText().startsWith("the function ran past its timeout of 300 ms and was stopped"), body.toString());
        // Well under the 1 s grace past the timeout, with room for a busy machine.
        assertTrue(elapsedMs >= 300 && elapsedMs < 3000, "answered after " + elapsedMs + " ms");
        assertThreadCameBack();
    }

    @Test
    void aGuestAsleepInAHostCallIsStoppedAtItsTimeout() {
        long start = System.nanoTime();
        HttpResponse<String> response = host.invoke("sleeper", "");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, response.statusCode());
        JsonNode body = json(response);
        assertEquals("timeout", body.get("kind").asText());
        // poll_oneoff sleeps in slices and checks the store's deadline between them (ae29f64), so
        // the deadline stops it ("... and was stopped"); on a badly overloaded machine the host's
        // backstop may still get there first ("... stopped by the host").
        assertTrue(body.get("message").asText().startsWith("the function ran past its timeout of 300 ms and was stopped"), body.toString());
        // It asked to sleep an hour.
        assertTrue(elapsedMs < 3000, "answered after " + elapsedMs + " ms");
        assertThreadCameBack();
    }

    @Test
    void aMemoryBombIsStoppedAtItsCap() {
        HttpResponse<String> response = host.invoke("membomb", "");
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        assertEquals("memory_limit", body.get("kind").asText());
        assertTrue(body.get("message").asText().contains("max_memory_pages=40"), body.toString());
    }

    @Test
    void aStdoutFloodIsCutAtItsCap() {
        long start = System.nanoTime();
        HttpResponse<String> response = host.invoke("flood", "");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        assertEquals("output_limit", body.get("kind").asText());
        assertEquals("the function wrote more than max_output_bytes=100000 to stdout and was stopped", body.get("message").asText());
        assertEquals(100000, body.get("stdout").asText().length(), "exactly the cap is kept");
        assertTrue(elapsedMs < FunctionLimits.DEFAULTS.timeoutMs(), "stopped at the cap, not at the timeout: " + elapsedMs + " ms");
    }

    @Test
    void aBodyOverItsCapGets413() {
        HttpResponse<String> response = host.invoke("echo", "x".repeat(1001));
        assertEquals(413, response.statusCode());
        assertEquals("payload_too_large", json(response).get("kind").asText());
        assertEquals(200, host.invoke("echo", "x".repeat(1000)).statusCode());
    }

    @Test
    void aChunkedBodyOverItsCapGets413Too() {
        // No Content-Length: the host reads until the body passes the cap.
        HttpResponse<String> response = host.send(java.net.http.HttpRequest.newBuilder(host.uri("/function/echo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[50_000]))));
        assertEquals(413, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("over the limit of 1000 bytes"), response.body());
        HttpResponse<String> small = host.send(java.net.http.HttpRequest.newBuilder(host.uri("/function/echo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("chunked".getBytes()))));
        assertEquals(200, small.statusCode());
        assertEquals("chunked", small.body());
    }

    @Test
    void anUnknownFunctionGets404() {
        HttpResponse<String> response = host.invoke("nobody", "");
        assertEquals(404, response.statusCode());
        assertEquals("no function named \"nobody\"", json(response).get("message").asText());
        assertEquals(400, host.invoke("Not.A.Name", "").statusCode());
    }

    @Test
    void callsOverMaxConcurrencyGet429() throws Exception {
        host.deployed("single", "loop.wasm", "timeout_ms=3000&max_concurrency=1");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> host.invoke("single", ""));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (host.host.invocations().busy() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(1, host.host.invocations().busy(), "the first call is running");
        HttpResponse<String> second = host.invoke("single", "");
        assertEquals(429, second.statusCode());
        assertEquals("concurrency_limit", json(second).get("kind").asText());
        assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(504, first.get().statusCode());
    }

    @Test
    void recentInvocationsAreListedForTheChart() {
        host.invoke("counter", "");
        JsonNode recent = json(host.get("/system/functions/counter/invocations"));
        assertTrue(recent.size() >= 1);
        JsonNode last = recent.get(recent.size() - 1);
        assertEquals("ok", last.get("outcome").asText());
        assertTrue(last.get("total_micros").asLong() > 0);
    }

    /** The guest thread of a stopped call is free again: nothing is left running. */
    private static void assertThreadCameBack() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (host.host.invocations().busy() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(0, host.host.invocations().busy(), "a guest is still running");
        assertEquals(0, host.host.invocations().abandoned(), "no guest was abandoned");
    }

    private static long header(HttpResponse<String> response, String name) {
        return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name)));
    }
}
