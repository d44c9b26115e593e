package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A spec script ready to run: its display {@code name} (the {@code .wast} file name, which skip
 * list entries use), the directory its module files were read from (null when they live in
 * memory), the parsed commands, and where the module files the commands name come from.
 */
public record LoadedScript(String name, Path directory, SpecScript script, ScriptModules modules) {

    /** A script whose module files sit in {@code directory}. */
    public LoadedScript(String name, Path directory, SpecScript script) {
        this(name, directory, script, ScriptModules.directory(directory));
    }

    /** Reads a wast2json JSON file; its modules are expected beside it. */
    public static LoadedScript fromJson(Path json) throws IOException {
        SpecScript script = SpecScript.read(json);
        return new LoadedScript(nameOf(json, script), json.toAbsolutePath().getParent(), script);
    }

    /**
     * The binary of module {@code filename}: as stored, or, for a text-format module
     * ({@code .wat}), parsed by the in-process text parser.
     *
     * @throws dev.nebula.wasm.MalformedModuleException when the text does not parse
     */
    public byte[] readModule(String filename) throws IOException {
        byte[] bytes = modules.read(filename);
        return filename.endsWith(".wat") ? TextModules.toBinary(bytes) : bytes;
    }

    /** The {@code .wast} name wast2json recorded, else the JSON file's own name. */
    private static String nameOf(Path json, SpecScript script) {
        String source = script.sourceFilename();
        if (source == null || source.isBlank()) return json.getFileName().toString();
        return Path.of(source).getFileName().toString();
    }
}
