package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.nebula.faas.TestHost.fixture;
import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /system/functions}: deploy, list, show, delete, and every way a deploy is refused. */
class DeployApiTest {

    @TempDir
    Path data;

    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost(data, c -> c.withMaxModuleBytes(64 * 1024));
    }

    @AfterEach
    void stop() {
        host.assertServing();
        host.close();
    }

    @Test
    void deployAnswers201WithTheFunction() {
        HttpResponse<String> response = host.deploy("echo", fixture("echo.wasm"), "timeout_ms=1500&max_concurrency=3");
        assertEquals(201, response.statusCode(), response.body());
        JsonNode function = json(response);
        assertEquals("echo", function.get("name").asText());
        assertEquals("wasm", function.get("runtime").asText());
        assertEquals(fixture("echo.wasm").length, function.get("size").asInt());
        assertEquals(dev.nebula.faas.store.FunctionRepository.sha256(fixture("echo.wasm")), function.get("sha256").asText());
        assertEquals(1500, function.get("limits").get("timeout_ms").asInt());
        assertEquals(3, function.get("limits").get("max_concurrency").asInt());
        assertEquals(FunctionLimits.DEFAULTS.maxMemoryPages(), function.get("limits").get("max_memory_pages").asInt());
        assertEquals("none", function.get("files").asText(), "no files unless granted");
        assertTrue(function.get("deployed_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), function.toString());
        assertEquals("/system/functions/echo", response.headers().firstValue("Location").orElseThrow());

        assertEquals(function, json(host.get("/system/functions/echo")));
        JsonNode list = json(host.get("/system/functions"));
        assertEquals(1, list.size());
        assertEquals(function, list.get(0));
    }

    @Test
    void redeployReplacesTheFunction() {
        host.deployed("f", "echo.wasm", "");
        JsonNode first = json(host.get("/system/functions/f"));
        host.deployed("f", "counter.wasm", "timeout_ms=2500");
        JsonNode second = json(host.get("/system/functions/f"));
        assertNotEquals(first.get("sha256"), second.get("sha256"));
        assertEquals(2500, second.get("limits").get("timeout_ms").asInt());
        assertEquals(1, json(host.get("/system/functions")).size());
        assertTrue(host.invoke("f", "").body().startsWith("calls=1"), "the new module runs");
    }

    @Test
    void deleteRemovesTheFunction() {
        host.deployed("f", "echo.wasm", "");
        HttpResponse<String> deleted = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .header("Authorization", "Bearer " + host.token()).DELETE());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(404, host.get("/system/functions/f").statusCode());
        assertEquals(404, host.invoke("f", "x").statusCode());
        HttpResponse<String> again = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .header("Authorization", "Bearer " + host.token()).DELETE());
        assertEquals(404, again.statusCode());
        assertEquals("not_found", json(again).get("kind").asText());
    }

    @Test
    void deployAndDeleteNeedTheToken() {
        HttpResponse<String> missing = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(fixture("echo.wasm"))));
        assertEquals(401, missing.statusCode());
        assertEquals("unauthorized", json(missing).get("kind").asText());
        assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElseThrow());
        HttpResponse<String> wrong = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .header("Authorization", "Bearer not-the-token")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(fixture("echo.wasm"))));
        assertEquals(401, wrong.statusCode());
        assertEquals("the bearer token is wrong", json(wrong).get("message").asText());
        assertEquals(404, host.get("/system/functions/f").statusCode(), "nothing was deployed");

        host.deployed("f", "echo.wasm", "");
        HttpResponse<String> delete = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .header("Authorization", "Bearer " + host.token() + "0").DELETE());
        assertEquals(401, delete.statusCode());
        assertEquals(200, host.get("/system/functions/f").statusCode(), "still there");
    }

    @Test
    void aMalformedModuleGets400WithTheDecodersMessage() {
        HttpResponse<String> response = host.deploy("f", new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}, "");
        assertEquals(400, response.statusCode());
        assertEquals("invalid_module", json(response).get("kind").asText());
        assertTrue(json(response).get("message").asText().startsWith("malformed module: unknown binary version"), response.body());
        HttpResponse<String> garbage = host.deploy("f", "hello".getBytes(), "");
        assertTrue(json(garbage).get("message").asText().startsWith("malformed module: "), garbage.body());
    }

    @Test
    void anInvalidModuleGets400WithTheValidatorsMessage() {
        // (module (func (result i32))): the body leaves nothing on the stack.
        byte[] invalid = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b};
        HttpResponse<String> response = host.deploy("f", invalid, "");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().startsWith("invalid module: type mismatch"), response.body());
    }

    @Test
    void modulesThatCannotBeFunctionsGet400SayingWhy() {
        HttpResponse<String> unlinkable = host.deploy("f", fixture("needs_env.wasm"), "");
        assertEquals(400, unlinkable.statusCode());
        String message = json(unlinkable).get("message").asText();
        assertTrue(message.startsWith("unlinkable module: ") && message.contains("env") && message.contains("secret"), message);
        HttpResponse<String> library = host.deploy("f", fixture("no_start.wasm"), "");
        assertEquals(400, library.statusCode());
        assertTrue(json(library).get("message").asText().contains("exports no _start"), library.body());
        HttpResponse<String> tooBig = host.deploy("f", fixture("flood.wasm"), "max_memory_pages=1");
        assertEquals(400, tooBig.statusCode());
        assertTrue(json(tooBig).get("message").asText().contains("needs 2 pages"), tooBig.body());
    }

    @Test
    void badNamesAndLimitsGet400() {
        HttpResponse<String> name = host.deploy("Fib.wasm", fixture("echo.wasm"), "");
        assertEquals(400, name.statusCode());
        assertTrue(json(name).get("message").asText().contains("[a-z0-9][a-z0-9_-]{0,62}"), name.body());
        assertEquals(400, host.deploy("..", fixture("echo.wasm"), "").statusCode());
        assertEquals(400, host.deploy("a%2F..%2Fb", fixture("echo.wasm"), "").statusCode());
        HttpResponse<String> limit = host.deploy("f", fixture("echo.wasm"), "timeout_ms=never");
        assertEquals(400, limit.statusCode());
        assertEquals("timeout_ms must be a whole number, got \"never\"", json(limit).get("message").asText());
        HttpResponse<String> empty = host.deploy("f", new byte[0], "");
        assertEquals(400, empty.statusCode());
        assertEquals(0, json(host.get("/system/functions")).size());
    }

    @Test
    void anOversizedUploadGets413() {
        HttpResponse<String> response = host.deploy("f", new byte[64 * 1024 + 1], "");
        assertEquals(413, response.statusCode());
        assertEquals("payload_too_large", json(response).get("kind").asText());
        assertTrue(json(response).get("message").asText().contains("over the limit of 65536 bytes"), response.body());
    }

    /** A JSON deploy is a container function; one without an image reference is refused. */
    @Test
    void aJsonDeployNeedsAnImage() {
        HttpResponse<String> response = host.send(HttpRequest.newBuilder(host.uri("/system/functions/f"))
                .header("Authorization", "Bearer " + host.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"image\": 5}")));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("{\"image\": \"REF\"}"), response.body());
    }

    @Test
    void unknownThingsGet404AndWrongMethods405() {
        assertEquals(404, host.get("/system/functions/nope").statusCode());
        assertEquals(404, host.get("/nothing/here").statusCode());
        assertEquals(404, host.get("/system/functions/nope/invocations").statusCode());
        HttpResponse<String> post = host.send(HttpRequest.newBuilder(host.uri("/system/functions"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, post.statusCode());
        assertEquals(405, host.get("/function/anything").statusCode());
    }
}
