package dev.nebula.cli.spec;

import java.nio.file.Path;

/**
 * A spec script ready to run: its display {@code name} (the {@code .wast} file name, which skip
 * list entries use), the directory holding its module files, and the parsed commands.
 */
public record LoadedScript(String name, Path directory, SpecScript script) {

    /** Reads a wast2json JSON file; its modules are expected beside it. */
    public static LoadedScript fromJson(Path json) throws java.io.IOException {
        SpecScript script = SpecScript.read(json);
        return new LoadedScript(nameOf(json, script), json.toAbsolutePath().getParent(), script);
    }

    /** The {@code .wast} name wast2json recorded, else the JSON file's own name. */
    private static String nameOf(Path json, SpecScript script) {
        String source = script.sourceFilename();
        if (source == null || source.isBlank()) return json.getFileName().toString();
        return Path.of(source).getFileName().toString();
    }
}
