package dev.nebula.faas.http;

/**
 * A request the API answers with an error: the status, a {@code kind} a client can switch on
 * and a message for a person. The {@link Router} turns it into
 * {@code {"kind": ..., "message": ...}}.
 */
final class HttpProblem extends RuntimeException {

    private final int status;
    private final String kind;

    HttpProblem(int status, String kind, String message) {
        super(message, null, false, false);
        this.status = status;
        this.kind = kind;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "bad_request", message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, "not_found", message);
    }

    static HttpProblem methodNotAllowed(String method, String path, String allowed) {
        return new HttpProblem(405, "method_not_allowed", method + " is not allowed on " + path + " (allowed: " + allowed + ")");
    }

    static HttpProblem tooLarge(String message) {
        return new HttpProblem(413, "payload_too_large", message);
    }

    int status() {
        return status;
    }

    String kind() {
        return kind;
    }
}
