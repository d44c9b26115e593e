package dev.nebula.faas.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol through the JDK's
 * own WebSocket client: navigate, evaluate JavaScript in the page, take a screenshot. Enough to
 * test the host's page as a person would use it, without Selenium.
 */
final class HeadlessChromium implements AutoCloseable {

    /** The flags the brief names: headless, no sandbox (root), nothing fetched from the network. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1100,1000");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** The browser to use: {@code $NEBULA_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    static Optional<String> find() {
        String configured = System.getenv("NEBULA_CHROMIUM");
        if (configured != null && !configured.isBlank()) return Optional.of(configured);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) return Optional.of(Path.of(dir, name).toString());
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(String executable) throws Exception {
        profile = Files.createTempDirectory("nebula-chromium-");
        List<String> command = new java.util.ArrayList<>();
        command.add(executable);
        command.addAll(FLAGS);
        command.add("--remote-debugging-port=0");
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserUrl = awaitDevTools();
        URI browser = URI.create(browserUrl);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageUrl = null;
        for (JsonNode target : JSON.readTree(list)) {
            if (target.get("type").asText().equals("page")) pageUrl = target.get("webSocketDebuggerUrl").asText();
        }
        if (pageUrl == null) throw new IOException("chromium opened no page: " + list);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(10, TimeUnit.SECONDS);
    }

    private String awaitDevTools() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining stderr so the browser never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the browser ended
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium did not start its DevTools endpoint; it said:\n" + seen);
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) throw new IllegalStateException(method + " failed: " + reply.get("error"));
        return reply.get("result");
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        return result.get("result").path("value");
    }

    /** Evaluates {@code condition} until it is true, or fails after {@code timeout} saying what it last saw. */
    void waitUntil(String condition, Duration timeout, String describe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (evaluate(condition).asBoolean(false)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the page never got to: " + describe + " (" + condition + ")");
    }

    byte[] screenshot() throws Exception {
        String base64 = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        return java.util.Base64.getDecoder().decode(base64);
    }

    @Override
    public void close() throws IOException {
        try {
            socket.abort();
        } catch (RuntimeException ignored) {
            // already gone
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                        if (answer != null) answer.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
