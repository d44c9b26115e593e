package dev.nebula.faas.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nebula.faas.AccessToken;
import dev.nebula.faas.FunctionRegistry;
import dev.nebula.faas.HostConfig;
import dev.nebula.faas.HostMetrics;
import dev.nebula.faas.InvocationService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends each request to its handler by path, and turns every failure into a JSON answer: an
 * {@link HttpProblem} with its status, anything else as a 500 "internal" (logged), so a request
 * never kills a thread or leaves a connection without an answer.
 *
 * <pre>
 * GET    /                                  the web page (and /static/..., /webjars/uplot/...)
 * GET    /healthz                           {"status":"ok", ...}
 * GET    /metrics                           Prometheus text
 * GET    /system/functions                  every function
 * PUT    /system/functions/NAME             deploy (Bearer token)
 * GET    /system/functions/NAME             one function
 * DELETE /system/functions/NAME             remove (Bearer token)
 * GET    /system/functions/NAME/invocations its recent invocations (for the page's chart)
 * POST   /function/NAME                     invoke: body = stdin, response = stdout
 * </pre>
 */
public final class Router implements HttpHandler {

    private final FunctionsApi functions;
    private final InvokeApi invoke;
    private final WebAssets assets;
    private final FunctionRegistry registry;
    private final InvocationService invocations;
    private final HostMetrics metrics;
    private final Consumer<String> log;

    public Router(FunctionRegistry registry, InvocationService invocations, AccessToken token, HostMetrics metrics,
                  HostConfig config, Consumer<String> log) {
        this.functions = new FunctionsApi(registry, token, metrics, config);
        this.invoke = new InvokeApi(registry, invocations);
        this.assets = new WebAssets();
        this.registry = registry;
        this.invocations = invocations;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        try (exchange) {
            try {
                route(exchange, receivedNanos);
            } catch (HttpProblem problem) {
                if (problem.status() == 401) exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                HttpIo.sendProblem(exchange, problem.status(), problem.kind(), problem.getMessage());
            } catch (IOException e) {
                // The client went away mid-request; there is no one to answer.
            } catch (RuntimeException | Error e) {
                log.accept("internal error on " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
                try {
                    HttpIo.sendProblem(exchange, 500, "internal", "internal error: " + e);
                } catch (IOException | RuntimeException ignored) {
                    // Headers may already be out; the connection is closed either way.
                }
            }
        }
    }

    private void route(HttpExchange exchange, long receivedNanos) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/function/")) {
            invoke.handle(exchange, path.substring("/function/".length()), receivedNanos);
        } else if (path.equals("/system/functions") || path.equals("/system/functions/")) {
            requireMethod(exchange, "GET");
            functions.list(exchange);
        } else if (path.startsWith("/system/functions/")) {
            functions.handle(exchange, path.substring("/system/functions/".length()));
        } else if (path.equals("/healthz")) {
            requireMethod(exchange, "GET");
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", "ok");
            health.put("functions", registry.size());
            health.put("invocations_running", invocations.busy());
            HttpIo.sendJson(exchange, 200, health);
        } else if (path.equals("/metrics")) {
            requireMethod(exchange, "GET");
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            metrics.write(text);
            HttpIo.send(exchange, 200, metrics.contentType(), text.toByteArray());
        } else if (method.equals("GET") && assets.serves(path)) {
            assets.handle(exchange, path);
        } else {
            throw HttpProblem.notFound("no such path: " + path + " (see GET /system/functions, POST /function/NAME)");
        }
    }

    static void requireMethod(HttpExchange exchange, String allowed) {
        if (!exchange.getRequestMethod().equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw HttpProblem.methodNotAllowed(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), allowed);
        }
    }
}
