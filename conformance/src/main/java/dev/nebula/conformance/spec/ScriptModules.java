package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a script's module "files" come from: a folder (wast2json writes {@code .wasm} and
 * {@code .wat} files beside its JSON) or memory (the in-process {@code .wast} reader).
 */
@FunctionalInterface
public interface ScriptModules {

    /** The stored bytes of module {@code filename}: binary, or text for a {@code .wat} name. */
    byte[] read(String filename) throws IOException;

    static ScriptModules directory(Path directory) {
        return filename -> Files.readAllBytes(directory.resolve(filename));
    }

    /** Modules held in memory; a name it does not hold is a missing file. */
    static ScriptModules inMemory(Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return filename -> {
            byte[] bytes = copy.get(filename);
            if (bytes == null) throw new java.nio.file.NoSuchFileException(filename);
            return bytes;
        };
    }
}
