package dev.nebula.faas.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nebula.faas.FileGrant;
import dev.nebula.faas.FunctionLimits;
import dev.nebula.faas.FunctionName;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deployed functions on disk, under the data folder:
 * <pre>
 * DATA/artifacts/SHA256.bin       the module bytes, named by their own hash
 * DATA/functions/NAME.json        the function: runtime, sha256, size, limits, files, deployed_at
 * </pre>
 * A deploy writes the artifact first and the function's JSON last, each atomically
 * ({@link AtomicFiles}). The JSON is the commit point: a crash before it leaves at most an
 * artifact that nothing names (removed at the next start); a crash after it leaves the complete
 * function. Loading checks each artifact against the hash its JSON names, so a damaged file is
 * reported and skipped, never run.
 */
public final class FunctionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path functions;
    private final Path artifacts;

    public FunctionRepository(Path dataFolder) throws IOException {
        this.functions = dataFolder.resolve("functions");
        this.artifacts = dataFolder.resolve("artifacts");
        AtomicFiles.createFolder(functions);
        AtomicFiles.createFolder(artifacts);
    }

    /** Stores {@code function}, replacing any function of the same name. */
    public synchronized void save(StoredFunction function) throws IOException {
        Path artifact = artifactPath(function.sha256());
        if (!Files.exists(artifact) || !function.sha256().equals(sha256(Files.readAllBytes(artifact)))) {
            AtomicFiles.write(artifact, function.artifact(), false);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", function.name());
        json.put("runtime", function.runtime());
        json.put("sha256", function.sha256());
        json.put("size", function.size());
        json.put("limits", function.limits().toJson());
        json.put("files", function.files().apiName());
        json.put("deployed_at", function.deployedAt().toString());
        AtomicFiles.write(functionPath(function.name()), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json), false);
        removeUnreferencedArtifacts();
    }

    /** Removes the function named {@code name}; false if there was none. */
    public synchronized boolean delete(String name) throws IOException {
        Path path = functionPath(name);
        if (!Files.exists(path)) return false;
        AtomicFiles.delete(path);
        removeUnreferencedArtifacts();
        return true;
    }

    /**
     * Every stored function that is whole. Leftover temporary files are removed; a function whose
     * JSON cannot be read or whose artifact is missing or does not match its hash is reported to
     * {@code problems} and left out (its files stay, for a person to look at).
     */
    public synchronized List<StoredFunction> loadAll(FunctionLimits defaults, Consumer<String> problems) throws IOException {
        removeTemporaryFiles(functions);
        removeTemporaryFiles(artifacts);
        List<StoredFunction> loaded = new ArrayList<>();
        for (Path file : list(functions, "*.json")) {
            try {
                loaded.add(load(file, defaults));
            } catch (IOException | RuntimeException e) {
                problems.accept(file + ": not loaded: " + e.getMessage());
            }
        }
        removeUnreferencedArtifacts();
        return loaded;
    }

    private StoredFunction load(Path file, FunctionLimits defaults) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.readValue(file.toFile(), Map.class);
        String name = FunctionName.check(text(json, "name"));
        if (!file.getFileName().toString().equals(name + ".json")) throw new IOException("its name \"" + name + "\" does not match its file name");
        String sha256 = text(json, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) throw new IOException("sha256 is not 64 hex digits");
        byte[] artifact = Files.readAllBytes(artifactPath(sha256));
        if (!sha256.equals(sha256(artifact))) throw new IOException("its artifact does not match sha256 " + sha256);
        Object limits = json.get("limits");
        @SuppressWarnings("unchecked")
        FunctionLimits parsed = limits instanceof Map<?, ?> map ? FunctionLimits.fromJson((Map<String, ?>) map, defaults) : defaults;
        FileGrant files = json.get("files") instanceof String grant ? FileGrant.parse(grant) : FileGrant.NONE;
        return new StoredFunction(name, text(json, "runtime"), sha256, artifact.length, parsed, files,
                Instant.parse(text(json, "deployed_at")), artifact);
    }

    private static String text(Map<String, Object> json, String key) throws IOException {
        if (!(json.get(key) instanceof String s)) throw new IOException("\"" + key + "\" is missing or not a string");
        return s;
    }

    private void removeUnreferencedArtifacts() throws IOException {
        Set<String> referenced = new HashSet<>();
        for (Path file : list(functions, "*.json")) {
            try {
                com.fasterxml.jackson.databind.JsonNode hash = JSON.readTree(file.toFile()).get("sha256");
                if (hash != null) referenced.add(hash.asText());
            } catch (IOException e) {
                return; // an unreadable function might name any artifact: keep them all
            }
        }
        for (Path artifact : list(artifacts, "*.bin")) {
            String hash = artifact.getFileName().toString().replace(".bin", "");
            if (!referenced.contains(hash)) AtomicFiles.delete(artifact);
        }
    }

    private static void removeTemporaryFiles(Path folder) throws IOException {
        for (Path temp : list(folder, "*" + AtomicFiles.TEMP_SUFFIX)) Files.deleteIfExists(temp);
    }

    private static List<Path> list(Path folder, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
            for (Path p : stream) files.add(p);
        }
        files.sort(null);
        return files;
    }

    private Path functionPath(String name) {
        return functions.resolve(FunctionName.check(name) + ".json");
    }

    private Path artifactPath(String sha256) {
        return artifacts.resolve(sha256 + ".bin");
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
