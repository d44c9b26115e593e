package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a script from what a user names: a {@code .wast} file (read in process by the
 * {@link WastScriptReader}, or, as a cross-check, converted through wast2json by a
 * {@link WastConverter}) or a wast2json {@code .json} file (read as is).
 */
public final class ScriptLoader {

    private final WastConverter converter;

    /** A loader that reads {@code .wast} in process: no external tool needed. */
    public ScriptLoader() {
        this(null);
    }

    /** A loader that converts {@code .wast} with wast2json through {@code converter} (null: in process). */
    public ScriptLoader(WastConverter converter) {
        this.converter = converter;
    }

    public LoadedScript load(Path path) throws IOException {
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        if (file.endsWith(".json")) return LoadedScript.fromJson(path);
        if (file.endsWith(".wast")) return converter == null ? WastScriptReader.load(path) : LoadedScript.fromJson(converter.convert(path));
        throw new IOException("not a spec script (expected .wast or .json): " + path);
    }
}
