package dev.nebula.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nebula serve}'s refusals; serving itself is tested in faas-host against a real server. */
class ServeCommandTest {

    @TempDir
    Path temp;

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "70000", "--data", temp.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("nebula serve: --port must be within 0..65535, got 70000", run.err().strip());
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        CliRun run = CliRun.of("serve", "--engine", "jit", "--data", temp.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("nebula serve: unknown engine 'jit' (expected interp or aot)", run.err().strip());
    }

    @Test
    void aDataFolderThatIsAFileCannotBeUsed() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        CliRun run = CliRun.of("serve", "--port", "0", "--data", file.toString());
        assertEquals(ExitCodes.IO, run.exitCode());
        assertTrue(run.err().startsWith("nebula serve: " + file + " exists and is not a folder"), run.err());
        assertFalse(run.showsStackTrace());
    }

    @Test
    void aPortInUseCannotBeUsed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()), "--data", temp.resolve("d").toString());
            assertEquals(ExitCodes.IO, run.exitCode());
            assertTrue(run.err().startsWith("nebula serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
            assertFalse(run.showsStackTrace());
        }
    }
}
