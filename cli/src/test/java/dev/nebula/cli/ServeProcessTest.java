package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nebula serve} as a user meets it: a process of its own that prints its token once and
 * where it listens, deploys and invokes over HTTP, and stops on SIGTERM after closing the host.
 */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("nebula serve: listening on (http://\\S+)");

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void servesUntilStoppedAndPrintsTheTokenOnlyOnTheFirstStart() throws Exception {
        Start first = start();
        try {
            assertEquals(4, first.lines.size(), "token notice, token, functions loaded, listening: " + first.lines);
            assertTrue(first.lines.get(0).startsWith("nebula serve: made the API token (kept in " + data.resolve("token")), first.lines.get(0));
            String token = first.lines.get(1);
            assertEquals(token, Files.readString(data.resolve("token")).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("token"))));

            HttpClient http = HttpClient.newHttpClient();
            byte[] echo = Files.readAllBytes(Path.of(ServeProcessTest.class.getResource("run/echo.wasm").toURI()));
            HttpResponse<String> deployed = http.send(HttpRequest.newBuilder(first.uri.resolve("/system/functions/echo"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/wasm")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(echo)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, deployed.statusCode(), deployed.body());
            HttpResponse<String> invoked = http.send(HttpRequest.newBuilder(first.uri.resolve("/function/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("over the wire")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, invoked.statusCode(), invoked.body());
        } finally {
            first.process.destroy();
        }
        assertTrue(first.process.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        assertEquals(143, first.process.exitValue(), "the JVM's exit code after SIGTERM");
        String err = Files.readString(logs.resolve("serve.err"));
        assertTrue(err.contains("nebula serve: stopping"), err);

        Start second = start();
        try {
            assertEquals("nebula serve: the API token is in " + data.resolve("token"), second.lines.get(0), "not printed again");
            assertEquals("nebula serve: 1 function(s) loaded from " + data, second.lines.get(1));
        } finally {
            second.process.destroy();
            second.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Start(Process process, List<String> lines, URI uri) {
    }

    /** Starts {@code nebula serve --port 0} on the test class path and reads stdout up to the "listening" line. */
    private Start start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Nebula.class.getName(),
                "serve", "--port", "0", "--data", data.toString())
                .redirectError(logs.resolve("serve.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.matches()) return new Start(process, lines, URI.create(m.group(1)));
        }
        process.destroy();
        throw new AssertionError("nebula serve ended without listening: " + lines + "\n" + Files.readString(logs.resolve("serve.err")));
    }
}
