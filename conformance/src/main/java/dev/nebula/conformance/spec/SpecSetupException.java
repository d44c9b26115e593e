package dev.nebula.conformance.spec;

/**
 * The environment cannot run spec scripts at all: the suite folder or the wast2json tool is
 * missing. The message says how to fix it, because the person who sees it is setting up a machine.
 */
public final class SpecSetupException extends RuntimeException {

    public SpecSetupException(String message) {
        super(message);
    }
}
