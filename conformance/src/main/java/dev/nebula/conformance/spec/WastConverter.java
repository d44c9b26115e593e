package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@code .wast} script into wast2json's JSON and module files, and caches the result in
 * {@code CACHE/<name>/}: a script is converted again only when the {@code .wast} is newer than the
 * cached JSON or the cache came from another file of the same name.
 *
 * <p>Only {@code nebula spec --via-wast2json} uses it, as a cross-check of Nebula's own text
 * parser ({@link WastScriptReader}), which is what reads {@code .wast} scripts otherwise.
 */
public final class WastConverter {

    /** The command name; Debian's {@code wabt} package installs it as /usr/bin/wast2json. */
    public static final String DEFAULT_TOOL = "wast2json";
    private static final String SOURCE_MARKER = ".source";

    private final Path cacheRoot;
    private final String tool;

    public WastConverter(Path cacheRoot) {
        this(cacheRoot, DEFAULT_TOOL);
    }

    public WastConverter(Path cacheRoot, String tool) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
        this.tool = tool;
    }

    /**
     * The JSON for {@code wast}, converting it if the cache is stale.
     *
     * @throws SpecSetupException when wast2json is not installed
     * @throws IOException        when the script cannot be read or wast2json rejects it
     */
    public Path convert(Path wast) throws IOException {
        Path source = wast.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) throw new java.nio.file.NoSuchFileException(wast.toString());
        String name = baseName(source);
        Path target = cacheRoot.resolve(name);
        Path json = target.resolve(name + ".json");
        if (isFresh(source, target, json)) return json;

        Files.createDirectories(cacheRoot);
        // Convert beside the cache and swap it in, so an interrupted run never leaves half a script.
        Path staging = Files.createTempDirectory(cacheRoot, name + ".converting-");
        try {
            runTool(source, staging.resolve(name + ".json"));
            Files.writeString(staging.resolve(SOURCE_MARKER), source.toString(), StandardCharsets.UTF_8);
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
        return json;
    }

    private static boolean isFresh(Path source, Path target, Path json) throws IOException {
        Path marker = target.resolve(SOURCE_MARKER);
        if (!Files.isRegularFile(json) || !Files.isRegularFile(marker)) return false;
        if (!Files.readString(marker, StandardCharsets.UTF_8).equals(source.toString())) return false;
        return Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(source)) >= 0;
    }

    private void runTool(Path source, Path json) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(tool, source.toString(), "-o", json.toString()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("error=2") ? "not found" : e.getMessage();
            throw new SpecSetupException("cannot run " + tool + ": " + why + ". It converts .wast scripts to JSON;"
                    + " install it with `apt-get install wabt` (Debian's wabt 1.0.32), or pass wast2json .json files instead");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while converting " + source);
        }
        if (exit != 0) {
            String firstLine = output.isEmpty() ? "exit code " + exit : output.lines().findFirst().orElse("");
            throw new IOException(tool + " rejected " + source.getFileName() + ": " + firstLine);
        }
    }

    private static String baseName(Path wast) {
        String file = wast.getFileName().toString();
        return file.endsWith(".wast") ? file.substring(0, file.length() - ".wast".length()) : file;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
