package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A function reaches files only when its deploy grants its own folder, and then only that folder. */
class FileGrantTest {

    @TempDir
    Path data;

    private TestHost host;
    private byte[] saveStdin;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost(data);
        saveStdin = Files.readAllBytes(Path.of(System.getProperty("nebula.examples", "../examples"), "save_stdin.wasm"));
    }

    @AfterEach
    void stop() {
        host.assertServing();
        host.close();
    }

    @Test
    void aWritableGrantIsTheFunctionsOwnFolderAsData() throws IOException {
        HttpResponse<String> deployed = host.deploy("saver", saveStdin, "files=rw");
        assertEquals(201, deployed.statusCode(), deployed.body());
        assertEquals("rw", json(deployed).get("files").asText());
        HttpResponse<String> response = host.invoke("saver", "some text");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("wrote 9 bytes to /data/stdin.txt\n", response.body());
        assertEquals("some text", Files.readString(data.resolve("files/saver/stdin.txt")));
    }

    @Test
    void aReadOnlyGrantRefusesWrites() {
        assertEquals(201, host.deploy("saver", saveStdin, "files=ro").statusCode());
        HttpResponse<String> response = host.invoke("saver", "x");
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        assertEquals(1, body.get("exit_code").asInt());
        assertTrue(body.get("stderr").asText().startsWith("save_stdin: cannot open /data/stdin.txt"), body.toString());
        assertTrue(Files.notExists(data.resolve("files/saver/stdin.txt")));
    }

    @Test
    void withoutAGrantThereAreNoFiles() {
        HttpResponse<String> deployed = host.deploy("saver", saveStdin, "");
        assertEquals("none", json(deployed).get("files").asText());
        HttpResponse<String> response = host.invoke("saver", "x");
        assertEquals(500, response.statusCode());
        assertTrue(json(response).get("stderr").asText().startsWith("save_stdin: cannot open /data/stdin.txt"), response.body());
        assertTrue(Files.notExists(data.resolve("files/saver")), "no folder is made for a function without a grant");
    }

    @Test
    void aGrantReachesNothingOutsideTheFolder() {
        host.deployed("counter", "counter.wasm", "files=rw");
        // counter.c tries to open /etc/passwd: outside /data, so it cannot.
        assertTrue(host.invoke("counter", "").body().endsWith("fs=none\n"));
    }

    @Test
    void anUnknownGrantIsRefused() {
        HttpResponse<String> response = host.deploy("saver", saveStdin, "files=all");
        assertEquals(400, response.statusCode());
        assertEquals("files must be none, ro or rw, got \"all\"", json(response).get("message").asText());
    }
}
