package dev.nebula.faas.container;

/**
 * The engine works but would not run this container: an image that is not there, an entrypoint
 * that cannot be executed, a limit the engine refuses. The message is the engine's own.
 */
public final class ContainerStartException extends Exception {

    private final int engineExitCode;

    public ContainerStartException(String message, int engineExitCode) {
        super(message);
        this.engineExitCode = engineExitCode;
    }

    /** The engine command's exit code: 125 (engine error), 126 (cannot execute), 127 (not found). */
    public int engineExitCode() {
        return engineExitCode;
    }
}
