package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picocli that nebula runs is the one cli/pom.xml compiles from picocli's sources for
 * Java 17 (start-up: RATIONALE.md), not the published jar's Java 5 class files.
 */
class PicocliClassFileTest {

    @Test
    void picocliIsCompiledForJava17() throws IOException {
        try (InputStream in = CommandLine.class.getResourceAsStream("CommandLine.class")) {
            assertNotNull(in);
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort(); // minor version
            assertEquals(61, data.readUnsignedShort(), "class-file major version of picocli.CommandLine (61 = Java 17)");
        }
    }

    @Test
    void picocliComesFromTheCliBuildNotFromItsJar() {
        String location = CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(!location.contains("picocli-"), "picocli was loaded from " + location);
    }
}
