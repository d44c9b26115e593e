package dev.nebula.conformance.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A spec script as wast2json writes it: the {@code .wast} it came from and its commands in order.
 * The module files the commands name sit beside the JSON file.
 */
public record SpecScript(String sourceFilename, List<ScriptCommand> commands) {

    // Unknown fields are ignored so that a newer wast2json's additions do not break old scripts.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SpecScript {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** Reads a wast2json JSON file; a file that is not such JSON gives an IOException naming the problem. */
    public static SpecScript read(Path json) throws IOException {
        try {
            return JSON.readValue(json.toFile(), SpecScript.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message spans lines and names internal classes; keep one readable line.
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new IOException("not a wast2json script: " + e.getOriginalMessage() + where, e);
        }
    }

    /** Parses wast2json JSON text (tests and tools that build scripts in memory). */
    public static SpecScript parse(String json) throws IOException {
        return JSON.readValue(json, SpecScript.class);
    }
}
