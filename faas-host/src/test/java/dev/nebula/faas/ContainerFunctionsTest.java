package dev.nebula.faas;

import dev.nebula.faas.container.ContainerEngineConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Container functions through the host's API, beside Wasm functions. */
class ContainerFunctionsTest {

    private static HttpResponse<String> deployImage(TestHost host, String name, String image, String query) {
        return host.send(HttpRequest.newBuilder(host.uri("/system/functions/" + name + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + host.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"image\": \"" + image + "\"}")));
    }

    private static void needsPodman() {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "podman")));
        if (!installed) System.out.println("SKIPPED a ContainerFunctionsTest test: podman is not installed; run scripts/containers-setup.sh");
        Assumptions.assumeTrue(installed, "podman is not installed; run scripts/containers-setup.sh");
    }

    @Test
    void anImageDeploysAndRunsPerCall(@TempDir Path data) throws Exception {
        needsPodman();
        try (TestHost host = new TestHost(data)) {
            HttpResponse<String> deployed = deployImage(host, "fib", "localhost/nebula-fn-fibonacci:latest", "timeout_ms=10000");
            assertEquals(201, deployed.statusCode(), deployed.body());
            assertEquals("container", json(deployed).get("runtime").asText());
            HttpResponse<String> answer = host.invoke("fib", "30");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("832040\n", answer.body(), "the start stamp is taken off");
            long startup = Long.parseLong(answer.headers().firstValue("X-Startup-Micros").orElseThrow());
            long total = Long.parseLong(answer.headers().firstValue("X-Total-Micros").orElseThrow());
            assertTrue(startup > 1000 && startup < total, "a container's startup " + startup + " µs within total " + total);
            assertEquals("0", answer.headers().firstValue("X-Exit-Code").orElseThrow());

            HttpResponse<String> bad = host.invoke("fib", "x");
            assertEquals(500, bad.statusCode());
            assertEquals("exit", json(bad).get("kind").asText());

            assertEquals(400, deployImage(host, "nope", "localhost/nebula-no-such-image:latest", "").statusCode());

            assertEquals(201, deployImage(host, "slow", "localhost/nebula-fn-fibonacci_recursive:latest", "timeout_ms=1500").statusCode());
            HttpResponse<String> late = host.invoke("slow", "50");
            assertEquals(504, late.statusCode(), late.body());
            assertEquals("timeout", json(late).get("kind").asText());
            host.assertServing();
        }
    }

    @Test
    void anUnavailableEngineIs503AndWasmKeepsWorking(@TempDir Path data) throws Exception {
        System.setProperty(ContainerEngineConfig.ENGINE_PROPERTY, "/nonexistent/podman");
        try (TestHost host = new TestHost(data)) {
            HttpResponse<String> deployed = deployImage(host, "fib", "localhost/nebula-fn-fibonacci:latest", "");
            assertEquals(201, deployed.statusCode(), "deployed while the engine is down: " + deployed.body());
            HttpResponse<String> call = host.invoke("fib", "30");
            assertEquals(503, call.statusCode(), call.body());
            assertEquals("engine_unavailable", json(call).get("kind").asText());
            assertTrue(json(call).get("message").asText().contains("/nonexistent/podman"), call.body());
            host.deployed("echo", "echo.wasm", "");
            HttpResponse<String> wasm = host.invoke("echo", "still here");
            assertEquals(200, wasm.statusCode(), wasm.body());
            host.assertServing();
        } finally {
            System.clearProperty(ContainerEngineConfig.ENGINE_PROPERTY);
        }
    }
}
