package dev.nebula.faas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.nebula.faas.TestHost.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thesis's functions in {@code examples/} deploy and answer through the host, as the README's curl lines do. */
class ThesisFunctionsTest {

    @TempDir
    static Path data;

    private static TestHost host;

    @BeforeAll
    static void deployAll() throws IOException {
        Path examples = Path.of(System.getProperty("nebula.examples", "../examples"));
        if (!Files.isDirectory(examples)) throw new AssertionError("examples folder not found: " + examples.toAbsolutePath());
        host = new TestHost(data);
        for (String name : new String[] {"fibonacci", "fibonacci_recursive", "factorial", "exponential", "prime"}) {
            byte[] module = Files.readAllBytes(examples.resolve(name + ".wasm"));
            HttpResponse<String> response = host.deploy(name.replace('_', '-'), module, "timeout_ms=20000");
            assertEquals(201, response.statusCode(), name + ": " + response.body());
        }
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @ParameterizedTest
    @CsvSource({
            "fibonacci, 30, 832040",
            "fibonacci, 90, 2880067194370816120",
            "fibonacci-recursive, 25, 75025",
            "factorial, 20, 2432902008176640000",
            "exponential, 1, 2.71828182845905",
            "prime, 1000, 7919"})
    void answers(String function, String input, String expected) {
        HttpResponse<String> response = host.invoke(function, input + "\n");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(expected, response.body().strip());
        assertEquals("0", response.headers().firstValue("X-Exit-Code").orElseThrow());
    }

    @Test
    void badInputIsTheFunctionsOwnErrorWithItsStderr() {
        HttpResponse<String> response = host.invoke("factorial", "twenty");
        assertEquals(500, response.statusCode());
        JsonNode body = json(response);
        assertEquals("exit", body.get("kind").asText());
        assertEquals(2, body.get("exit_code").asInt());
        assertTrue(body.get("stderr").asText().contains("expected a whole number"), body.toString());
        host.assertServing();
    }
}
