package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real host on 127.0.0.1 with a free port and its own data folder, and a small client for its API. */
final class TestHost implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final FaasHost host;
    final Path data;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestHost(Path data) throws IOException {
        this(data, c -> c);
    }

    TestHost(Path data, UnaryOperator<HostConfig> configure) throws IOException {
        this.data = data;
        this.host = FaasHost.start(configure.apply(HostConfig.defaults(data).withBind("127.0.0.1", 0)), problem -> {
            throw new AssertionError("unexpected host problem: " + problem);
        });
    }

    URI uri(String path) {
        return host.uri().resolve(path);
    }

    String token() {
        return host.token().value();
    }

    static byte[] fixture(String name) {
        try (InputStream in = TestHost.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) throw new IllegalStateException("missing test fixture " + name + " (run src/test/resources/fixtures/build.sh)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> deploy(String name, byte[] module, String query) {
        return send(HttpRequest.newBuilder(uri("/system/functions/" + name + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/wasm")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(module)));
    }

    /** Deploys a fixture and checks that it was accepted. */
    void deployed(String name, String fixture, String query) {
        HttpResponse<String> response = deploy(name, fixture(fixture), query);
        if (response.statusCode() != 201) throw new AssertionError("deploy of " + fixture + " answered " + response.statusCode() + ": " + response.body());
    }

    HttpResponse<String> invoke(String name, String input) {
        return invoke(name, input, "");
    }

    HttpResponse<String> invoke(String name, String input, String query) {
        return send(HttpRequest.newBuilder(uri("/function/" + name + (query.isEmpty() ? "" : "?" + query)))
                .POST(HttpRequest.BodyPublishers.ofString(input)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The host still answers: the check every bad-input test ends with. */
    void assertServing() {
        HttpResponse<String> health = get("/healthz");
        if (health.statusCode() != 200 || !json(health).get("status").asText().equals("ok")) {
            throw new AssertionError("the host stopped serving: " + health.statusCode() + " " + health.body());
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
