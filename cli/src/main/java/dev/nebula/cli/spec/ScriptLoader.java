package dev.nebula.cli.spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a script from what a user names: a {@code .wast} file (converted through the
 * {@link WastConverter}) or a wast2json {@code .json} file (read as is).
 */
public final class ScriptLoader {

    private final WastConverter converter;

    public ScriptLoader(WastConverter converter) {
        this.converter = converter;
    }

    public LoadedScript load(Path path) throws IOException {
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        if (file.endsWith(".json")) return LoadedScript.fromJson(path);
        if (file.endsWith(".wast")) return LoadedScript.fromJson(converter.convert(path));
        throw new IOException("not a spec script (expected .wast or .json): " + path);
    }
}
