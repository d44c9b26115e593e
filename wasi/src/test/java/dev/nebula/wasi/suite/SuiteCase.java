package dev.nebula.wasi.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test of the official wasi-testsuite: a {@code .wasm} and the {@code .json} beside it
 * (doc/specification.md of the suite). Missing fields take the spec's defaults: no args, no
 * env, no dirs, exit code 0, output unchecked. {@code root} names a directory mounted as the
 * single preopen {@code "/"}; {@code dirs} names directories preopened under their own names.
 */
record SuiteCase(String suite, String name, Path wasm, List<String> args, Map<String, String> env,
                 List<String> dirs, String root, int exitCode, String stdout, String stderr) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "rust/path_open_preopen", the key the skip list uses. */
    String id() {
        return suite + "/" + name;
    }

    static SuiteCase read(String suite, Path wasm) throws IOException {
        String name = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
        Path json = wasm.resolveSibling(name + ".json");
        JsonNode spec = Files.exists(json) ? JSON.readTree(json.toFile()) : JSON.createObjectNode();
        List<String> args = new ArrayList<>();
        spec.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        spec.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        List<String> dirs = new ArrayList<>();
        spec.path("dirs").forEach(d -> dirs.add(d.asText()));
        String root = spec.hasNonNull("root") ? spec.get("root").asText() : null;
        return new SuiteCase(suite, name, wasm, args, env, dirs, root,
                spec.path("exit_code").asInt(0),
                spec.hasNonNull("stdout") ? spec.get("stdout").asText() : null,
                spec.hasNonNull("stderr") ? spec.get("stderr").asText() : null);
    }
}
