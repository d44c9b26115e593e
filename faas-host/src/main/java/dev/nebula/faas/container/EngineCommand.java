package dev.nebula.faas.container;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The engine's short commands beside {@code run}: {@code info}, {@code image inspect},
 * {@code kill}, {@code rm}. Each gets no stdin, its stdout is discarded, the first line of its
 * stderr is kept for messages, and it is ended if it outlasts its time.
 */
final class EngineCommand {

    /** How a command ended: its exit code (-1 when it could not start or did not end in time), and why. */
    record Result(int exitCode, String stderr) {
        String describe() {
            return exitCode == -1 ? stderr : "exited with " + exitCode + (stderr.isEmpty() ? "" : ": " + stderr);
        }
    }

    private EngineCommand() {
    }

    static Result run(List<String> command, Duration timeout) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return new Result(-1, "cannot be started: " + e.getMessage());
        }
        BoundedCapture err = new BoundedCapture(process.getErrorStream(), 4096, () -> { });
        Thread reader = new Thread(err, "engine-stderr");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join(1000);
            return new Result(-1, "did not answer within " + timeout.toSeconds() + " s");
        }
        reader.join(1000);
        String message = new String(err.bytes(), StandardCharsets.UTF_8).strip();
        int firstLine = message.indexOf('\n');
        return new Result(process.exitValue(), firstLine < 0 ? message : message.substring(0, firstLine));
    }

    /**
     * Finds the engine's program as the shell would (a path, or a name on PATH); the shell that
     * joins the cgroup would otherwise turn a missing engine into an exit code 127 of the function.
     */
    static void requireInstalled(String executable) throws EngineUnavailableException {
        boolean found;
        if (executable.contains("/")) {
            found = Files.isExecutable(Path.of(executable));
        } else {
            found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, executable)));
        }
        if (!found) {
            throw new EngineUnavailableException("the container engine '" + executable + "' is not installed"
                    + (executable.contains("/") ? "" : " (not found on PATH)"));
        }
    }
}
