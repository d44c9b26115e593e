package dev.nebula.faas.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.nebula.faas.DeployedFunction;
import dev.nebula.faas.FunctionName;
import dev.nebula.faas.FunctionRegistry;
import dev.nebula.faas.InvocationResult;
import dev.nebula.faas.InvocationService;
import dev.nebula.faas.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /function/NAME}: the request body is the function's stdin; on exit 0 the answer is
 * 200 with its stdout as the body. Every answer carries the timings and, when the function
 * exited, its exit code:
 * <pre>
 * X-Startup-Micros  request received until _start began
 * X-Run-Micros      _start until the function ended
 * X-Total-Micros    request received until the function ended
 * X-Cpu-Micros      CPU time of the guest thread
 * X-Exit-Code       the exit code (absent when the function did not exit: trap, timeout, ...)
 * X-Outcome         ok, exit, trap, timeout, memory_limit, output_limit, ...
 * </pre>
 * A failure answers with JSON {@code {kind, message, function, exit_code, stdout, stderr}} and
 * the status of its {@link Outcome}. With {@code ?stderr=1} a success also answers with that JSON
 * (kind "ok"), so that stderr can be read.
 */
final class InvokeApi {

    private final FunctionRegistry registry;
    private final InvocationService invocations;

    InvokeApi(FunctionRegistry registry, InvocationService invocations) {
        this.registry = registry;
        this.invocations = invocations;
    }

    void handle(HttpExchange exchange, String name, long receivedNanos) throws IOException {
        if (!FunctionName.isValid(name)) {
            throw HttpProblem.badRequest("invalid function name \"" + name + "\": a name matches " + FunctionName.RULE);
        }
        Router.requireMethod(exchange, "POST");
        Map<String, String> query = HttpIo.query(exchange);
        DeployedFunction function = registry.get(name);
        if (function == null) throw HttpProblem.notFound("no function named \"" + name + "\"");
        byte[] stdin;
        try {
            stdin = HttpIo.readBody(exchange, function.limits().maxBodyBytes(), "the request body");
        } catch (HttpProblem problem) {
            if (problem.status() == 413) invocations.refusedBody(function, problem.getMessage(), receivedNanos);
            throw problem;
        }
        InvocationResult result = invocations.invoke(function, stdin, receivedNanos);
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-Startup-Micros", Long.toString(result.startupMicros()));
        headers.set("X-Run-Micros", Long.toString(result.runMicros()));
        headers.set("X-Total-Micros", Long.toString(result.totalMicros()));
        headers.set("X-Cpu-Micros", Long.toString(result.cpuMicros()));
        headers.set("X-Outcome", result.outcome().kind());
        if (result.exitCode() != InvocationResult.NO_EXIT_CODE) headers.set("X-Exit-Code", Integer.toString(result.exitCode()));
        boolean wantStderr = "1".equals(query.get("stderr")) || "true".equals(query.get("stderr"));
        if (result.outcome() == Outcome.OK && !wantStderr) {
            HttpIo.send(exchange, 200, "application/octet-stream", result.stdout());
            return;
        }
        if (result.outcome() == Outcome.CONCURRENCY_LIMIT) headers.set("Retry-After", "1");
        HttpIo.sendJson(exchange, result.outcome().httpStatus(), describe(name, result));
    }

    private static Map<String, Object> describe(String name, InvocationResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", result.outcome().kind());
        json.put("message", result.outcome() == Outcome.OK ? "the function exited with code 0" : result.message());
        json.put("function", name);
        json.put("exit_code", result.exitCode() == InvocationResult.NO_EXIT_CODE ? null : result.exitCode());
        json.put("stdout", new String(result.stdout(), StandardCharsets.UTF_8));
        json.put("stderr", new String(result.stderr(), StandardCharsets.UTF_8));
        json.put("startup_micros", result.startupMicros());
        json.put("run_micros", result.runMicros());
        json.put("total_micros", result.totalMicros());
        json.put("cpu_micros", result.cpuMicros());
        return json;
    }
}
