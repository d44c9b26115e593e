package dev.nebula.conformance.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-written script {@code fixture.json} with its module files, laid out in a folder as
 * wast2json would. Its commands cover each outcome once; {@link #EXPECTED_COUNTS} is the result.
 */
final class SpecFixture {

    /**
     * Lines 1, 2, 3, 4, 5, 6, 13 pass (5: the text parser rejects a text module); 7, 8, 9, 10, 11,
     * 12, 14 fail (11 names an export $M lacks, 12 uses the module of line 10, whose file is missing).
     */
    static final String EXPECTED_COUNTS = "7 passed, 7 failed, 0 skipped";

    private SpecFixture() {
    }

    static Path writeTo(Path dir) throws IOException {
        Path json = dir.resolve("fixture.json");
        try (InputStream in = SpecFixture.class.getResourceAsStream("fixture.json")) {
            Files.copy(in, json);
        }
        Files.write(dir.resolve("fixture.0.wasm"), TestModules.RETURNS_42);              // module: valid
        Files.write(dir.resolve("fixture.1.wasm"), TestModules.MALFORMED_VERSION);       // malformed, same message
        Files.write(dir.resolve("fixture.2.wasm"), TestModules.TRUNCATED);               // malformed, other message
        Files.writeString(dir.resolve("fixture.3.wat"), "(module (func foo))");          // text: malformed
        Files.write(dir.resolve("fixture.4.wasm"), TestModules.INVALID_MISSING_RESULT);  // invalid as expected
        Files.write(dir.resolve("fixture.5.wasm"), TestModules.INVALID_MISSING_RESULT);  // decodes: not malformed
        Files.write(dir.resolve("fixture.6.wasm"), TestModules.TRUNCATED);               // malformed, not invalid
        Files.write(dir.resolve("fixture.7.wasm"), TestModules.EMPTY);                   // valid, not invalid
        return json;
    }
}
