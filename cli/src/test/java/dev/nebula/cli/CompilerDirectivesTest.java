package dev.nebula.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher passes {@code cli/compiler-directives.json} to every {@code nebula run}, and a JVM
 * that cannot parse it does not start at all: this JVM must accept it, with its one directive,
 * and must print nothing on stdout when VM output is off, as the launcher runs it.
 */
class CompilerDirectivesTest {

    private static final Path DIRECTIVES = Path.of("compiler-directives.json");

    @Test
    void theJvmAcceptsTheLaunchersDirectivesAndSaysNothingOnStdout() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(DIRECTIVES), "missing " + DIRECTIVES.toAbsolutePath());
        String java = ProcessHandle.current().info().command().orElse("java");
        String shown = run(List.of(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES, "-version"));
        assertTrue(shown.contains("1 compiler directives added"), shown);
        String quiet = run(List.of(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES,
                "-XX:-DisplayVMOutput", "-version"));
        assertTrue(!quiet.contains("directives"), quiet);
    }

    /** Stdout of {@code command}, which must exit 0 (stderr, where -version prints, is dropped). */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + out);
        return out;
    }
}
