package dev.nebula.faas.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses on the JDK's {@link HttpExchange}. */
final class HttpIo {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpIo() {
    }

    /**
     * The request body, at most {@code cap} bytes. A {@code Content-Length} over the cap is
     * refused before anything is read; a body without one is read until it passes the cap.
     *
     * @throws HttpProblem 413 when the body is larger than {@code cap}
     */
    static byte[] readBody(HttpExchange exchange, long cap, String what) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest("Content-Length is not a number: " + declared);
            }
            if (length > cap) throw HttpProblem.tooLarge(what + " of " + length + " bytes is over the limit of " + cap + " bytes");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (body.size() + (long) n > cap) throw HttpProblem.tooLarge(what + " is over the limit of " + cap + " bytes");
                body.write(chunk, 0, n);
            }
        }
        return body.toByteArray();
    }

    /** The query string as name to value (the last of repeated names wins), URL-decoded. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) return parameters;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("bad URL encoding in the query: " + text);
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        send(exchange, status, "application/json", bytes);
    }

    static void sendProblem(HttpExchange exchange, int status, String kind, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("message", message);
        sendJson(exchange, status, body);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
