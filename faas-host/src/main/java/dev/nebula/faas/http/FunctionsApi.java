package dev.nebula.faas.http;

import com.sun.net.httpserver.HttpExchange;
import dev.nebula.faas.AccessToken;
import dev.nebula.faas.DeployException;
import dev.nebula.faas.DeployedFunction;
import dev.nebula.faas.FileGrant;
import dev.nebula.faas.FunctionLimits;
import dev.nebula.faas.FunctionName;
import dev.nebula.faas.FunctionRegistry;
import dev.nebula.faas.HostConfig;
import dev.nebula.faas.HostMetrics;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /system/functions}: list, show, deploy and remove functions, and their recent invocations. */
final class FunctionsApi {

    private final FunctionRegistry registry;
    private final AccessToken token;
    private final HostMetrics metrics;
    private final HostConfig config;

    FunctionsApi(FunctionRegistry registry, AccessToken token, HostMetrics metrics, HostConfig config) {
        this.registry = registry;
        this.token = token;
        this.metrics = metrics;
        this.config = config;
    }

    void list(HttpExchange exchange) throws IOException {
        List<Map<String, Object>> all = registry.list().stream().map(DeployedFunction::toJson).toList();
        HttpIo.sendJson(exchange, 200, all);
    }

    /** {@code rest} is what follows {@code /system/functions/}: NAME or NAME/invocations. */
    void handle(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? "" : rest.substring(slash + 1);
        if (!FunctionName.isValid(name)) {
            throw HttpProblem.badRequest("invalid function name \"" + name + "\": a name matches " + FunctionName.RULE);
        }
        if (sub.equals("invocations")) {
            Router.requireMethod(exchange, "GET");
            HttpIo.sendJson(exchange, 200, existing(name).recent().toJson());
            return;
        }
        if (!sub.isEmpty()) throw HttpProblem.notFound("no such path: " + exchange.getRequestURI().getRawPath());
        switch (exchange.getRequestMethod()) {
            case "GET" -> HttpIo.sendJson(exchange, 200, existing(name).toJson());
            case "PUT" -> deploy(exchange, name);
            case "DELETE" -> delete(exchange, name);
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, PUT, DELETE");
                throw HttpProblem.methodNotAllowed(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), "GET, PUT, DELETE");
            }
        }
    }

    private void deploy(HttpExchange exchange, String name) throws IOException {
        authorise(exchange);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        // A Wasm module is its bytes; a container function is JSON naming its image.
        String runtime = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
                ? "container" : "wasm";
        FunctionLimits limits;
        FileGrant files;
        try {
            Map<String, String> query = HttpIo.query(exchange);
            String grant = query.remove("files");
            files = grant == null ? FileGrant.NONE : FileGrant.parse(grant);
            limits = FunctionLimits.fromParameters(query, config.defaults());
        } catch (IllegalArgumentException e) {
            metrics.deploy(false);
            throw HttpProblem.badRequest(e.getMessage());
        }
        byte[] module;
        try {
            module = HttpIo.readBody(exchange, config.maxModuleBytes(), "the module");
        } catch (HttpProblem tooLarge) {
            metrics.deploy(false);
            throw tooLarge;
        }
        if (module.length == 0) {
            metrics.deploy(false);
            throw HttpProblem.badRequest("the request body is empty: send the module's bytes (curl --data-binary @fn.wasm)");
        }
        DeployedFunction deployed;
        try {
            deployed = registry.deploy(name, runtime, module, limits, files);
        } catch (DeployException e) {
            metrics.deploy(false);
            throw new HttpProblem(400, "invalid_module", e.getMessage());
        }
        metrics.deploy(true);
        exchange.getResponseHeaders().set("Location", "/system/functions/" + name);
        HttpIo.sendJson(exchange, 201, deployed.toJson());
    }

    private void delete(HttpExchange exchange, String name) throws IOException {
        authorise(exchange);
        if (!registry.delete(name)) throw HttpProblem.notFound("no function named \"" + name + "\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deleted", name);
        HttpIo.sendJson(exchange, 200, body);
    }

    private DeployedFunction existing(String name) {
        DeployedFunction function = registry.get(name);
        if (function == null) throw HttpProblem.notFound("no function named \"" + name + "\"");
        return function;
    }

    private void authorise(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            throw new HttpProblem(401, "unauthorized", "deploy and delete need the header Authorization: Bearer TOKEN (the token is in DATA/token)");
        }
        if (!token.admits(header)) throw new HttpProblem(401, "unauthorized", "the bearer token is wrong");
    }
}
