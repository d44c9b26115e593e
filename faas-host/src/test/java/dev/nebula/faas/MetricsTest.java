package dev.nebula.faas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} and {@code /healthz} say what happened. */
class MetricsTest {

    @TempDir
    Path data;

    @Test
    void invocationsAreCountedByFunctionAndOutcome() throws IOException {
        try (TestHost host = new TestHost(data)) {
            host.deployed("echo", "echo.wasm", "");
            host.deployed("trap", "trap.wasm", "");
            for (int i = 0; i < 3; i++) host.invoke("echo", "x");
            host.invoke("trap", "");
            host.deploy("bad", new byte[] {1, 2, 3}, "");

            HttpResponse<String> metrics = host.get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            String text = metrics.body();
            assertContains(text, "nebula_invocations_total{function=\"echo\",outcome=\"ok\"} 3.0");
            assertContains(text, "nebula_invocations_total{function=\"trap\",outcome=\"trap\"} 1.0");
            assertContains(text, "nebula_invocation_duration_seconds_count{function=\"echo\"} 3");
            assertContains(text, "nebula_invocation_startup_seconds_count{function=\"echo\"} 3");
            assertContains(text, "nebula_invocation_duration_seconds_bucket{function=\"echo\",le=\"+Inf\"} 3");
            assertContains(text, "nebula_deploys_total{result=\"deployed\"} 2.0");
            assertContains(text, "nebula_deploys_total{result=\"rejected\"} 1.0");
            assertContains(text, "nebula_functions_deployed 2.0");
            assertContains(text, "nebula_invocations_in_flight 0.0");

            String health = host.get("/healthz").body();
            assertTrue(health.contains("\"status\" : \"ok\"") && health.contains("\"functions\" : 2"), health);
        }
    }

    private static void assertContains(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "missing line: " + line + "\nin:\n" + text);
    }
}
