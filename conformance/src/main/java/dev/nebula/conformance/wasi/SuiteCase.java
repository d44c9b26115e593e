package dev.nebula.conformance.wasi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test of the official wasi-testsuite: a {@code .wasm} and the {@code .json} beside it
 * (doc/specification.md of the suite). Missing fields take the spec's defaults: no args, no
 * env, no dirs, exit code 0, output unchecked. {@code root} names a directory mounted as the
 * single preopen {@code "/"}; {@code dirs} (the suite's older form) names directories preopened
 * under their own names. Both are relative to the module's folder.
 *
 * @param suite the suite's language folder ({@code c}, {@code rust}, {@code assemblyscript})
 * @param name  the module's file name without {@code .wasm}
 */
public record SuiteCase(String suite, String name, Path wasm, List<String> args, Map<String, String> env,
                        List<String> dirs, String root, int exitCode, String stdout, String stderr) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SuiteCase {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        dirs = List.copyOf(dirs);
    }

    /** "rust/path_open_preopen", the key the skip list uses and the name a run prints. */
    public String id() {
        return suite + "/" + name;
    }

    /** The id of the test of {@code wasm}, known without reading its JSON. */
    public static String idOf(Path wasm) {
        return suiteOf(wasm) + "/" + nameOf(wasm);
    }

    private static String nameOf(Path wasm) {
        return wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
    }

    /** The test of {@code wasm}, its suite named by where it lies ({@link #suiteOf}). */
    public static SuiteCase read(Path wasm) throws IOException {
        return read(suiteOf(wasm), wasm);
    }

    /**
     * The test of {@code wasm} in {@code suite}, with the expectations of the {@code .json} of the
     * same name beside it (all defaults when there is none).
     *
     * @throws IOException when the JSON cannot be read or parsed
     */
    public static SuiteCase read(String suite, Path wasm) throws IOException {
        String name = nameOf(wasm);
        Path json = wasm.resolveSibling(name + ".json");
        JsonNode spec;
        try {
            spec = Files.exists(json) ? JSON.readTree(json.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new IOException("cannot read " + json + ": " + e.getMessage(), e);
        }
        if (spec == null || !spec.isObject()) throw new IOException("cannot read " + json + ": not a JSON object");
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

    /**
     * The suite a module belongs to: {@code c} for {@code tests/c/testsuite/wasm32-wasip1/x.wasm}
     * (or {@code tests/c/testsuite/x.wasm}); for a module outside that layout, its folder's name.
     */
    public static String suiteOf(Path wasm) {
        Path folder = wasm.toAbsolutePath().normalize().getParent();
        if (folder == null || folder.getFileName() == null) return "";
        Path dir = folder;
        if (dir.getFileName().toString().startsWith("wasm32-") && dir.getParent() != null) dir = dir.getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("testsuite")
                && dir.getParent() != null && dir.getParent().getFileName() != null) {
            return dir.getParent().getFileName().toString();
        }
        return folder.getFileName().toString();
    }
}
