package dev.nebula.faas;

/** A deploy the host refuses: the artifact is malformed, invalid, unlinkable or over a limit. Answered with 400. */
public final class DeployException extends RuntimeException {

    public DeployException(String message) {
        super(message, null, false, false);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
