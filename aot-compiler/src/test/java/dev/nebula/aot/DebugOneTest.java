package dev.nebula.aot;

import dev.nebula.aot.internal.ModuleCompiler;
import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.validator.ModuleValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

class DebugOneTest {
    @Test
    void one() throws Exception {
        String f = System.getProperty("debug.wasm");
        if (f == null) return;
        GeneratedClasses.verify(ModuleCompiler.compile(ModuleValidator.validate(ModuleDecoder.decode(Files.readAllBytes(Path.of(f))))));
    }
}
