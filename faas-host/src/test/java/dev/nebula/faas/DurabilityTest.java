package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deployed functions and the token survive a restart; deletes do too. */
class DurabilityTest {

    @TempDir
    Path data;

    @Test
    void functionsSurviveARestart() throws IOException {
        String token;
        JsonNode echo;
        try (TestHost first = new TestHost(data)) {
            token = first.token();
            first.deployed("echo", "echo.wasm", "timeout_ms=1234");
            first.deployed("counter", "counter.wasm", "");
            first.deployed("gone", "echo.wasm", "");
            first.send(HttpRequest.newBuilder(first.uri("/system/functions/gone"))
                    .header("Authorization", "Bearer " + token).DELETE());
            echo = json(first.get("/system/functions/echo"));
        }
        try (TestHost second = new TestHost(data)) {
            assertEquals(token, second.token(), "the token is read back, not made anew");
            assertEquals(echo, json(second.get("/system/functions/echo")), "the same function: hash, limits, deploy time");
            assertEquals(2, json(second.get("/system/functions")).size());
            assertEquals(404, second.get("/system/functions/gone").statusCode());
            assertEquals("back again", second.invoke("echo", "back again").body());
            assertEquals(200, second.invoke("counter", "").statusCode());
        }
    }

    @Test
    void aStoredFunctionThatNoLongerLoadsIsReportedAndTheHostStartsWithoutIt() throws IOException {
        try (TestHost first = new TestHost(data)) {
            first.deployed("echo", "echo.wasm", "");
            first.deployed("counter", "counter.wasm", "");
        }
        // Damage one artifact on disk, as a failing disk or a careless hand would.
        try (var artifacts = Files.list(data.resolve("artifacts"))) {
            Path victim = artifacts.filter(p -> {
                try {
                    return Files.size(p) == TestHost.fixture("echo.wasm").length;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
            Files.write(victim, new byte[] {0, 'a', 's', 'm'});
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (FaasHost host = FaasHost.start(HostConfig.defaults(data).withBind("127.0.0.1", 0), problems::add)) {
            assertEquals(1, host.registry().size());
            assertEquals("counter", host.registry().list().get(0).name());
        }
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).contains("echo.json: not loaded: its artifact does not match sha256"), problems.get(0));
    }
}
