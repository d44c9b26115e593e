package dev.nebula.faas.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An engine that is missing, or installed but not answering, is a typed error (needs no engine). */
class EngineUnavailableTest {

    private static final ContainerInvocation CALL =
            ContainerInvocation.of("localhost/nebula-fn-fibonacci:latest", "30".getBytes(StandardCharsets.UTF_8), ContainerLimits.DEFAULT);

    @Test
    void missingEngine() {
        ContainerDriver driver = new ContainerDriver(ContainerEngineConfig.of("/nonexistent/podman"));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, () -> driver.run(CALL));
        assertTrue(e.getMessage().contains("/nonexistent/podman"), e.getMessage());
        assertThrows(EngineUnavailableException.class, driver::checkAvailable);
    }

    /** As the docker CLI behaves with no daemon: every command fails, run with 125. */
    @Test
    void engineThatDoesNotAnswer(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("docker");
        Files.writeString(fake, "#!/bin/sh\necho 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2\n"
                + "[ \"$1\" = run ] && exit 125\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ContainerDriver driver = new ContainerDriver(ContainerEngineConfig.of(fake.toString()));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, () -> driver.run(CALL));
        assertTrue(e.getMessage().contains("Cannot connect"), e.getMessage());
        assertThrows(EngineUnavailableException.class, () -> driver.imageExists("localhost/nebula-fn-fibonacci:latest"));
    }

    @Test
    void engineThatHangsCountsAsUnavailable(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("podman");
        Files.writeString(fake, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ContainerDriver driver = new ContainerDriver(new ContainerEngineConfig(fake.toString(), java.time.Duration.ofMillis(300), false));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class, driver::checkAvailable);
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }
}
