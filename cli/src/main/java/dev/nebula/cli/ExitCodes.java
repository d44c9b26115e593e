package dev.nebula.cli;

/**
 * The exit codes of {@code nebula}, one meaning each, so scripts can tell a bad module from a
 * bad command line from a missing file. README.md documents the same table.
 */
public final class ExitCodes {

    /** Everything checked was fine. */
    public static final int OK = 0;
    /** A module was malformed or invalid, or a spec command or a WASI test failed. */
    public static final int REJECTED = 1;
    /** The command line was wrong (picocli's usage error code). */
    public static final int USAGE = 2;
    /** A file could not be read (the WASI testsuite is missing), or a tool the command needs (wast2json) is missing. */
    public static final int IO = 3;
    /** A bug in Nebula (BSD sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The code to report when two outcomes occurred: an I/O problem outranks a rejected module. */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case REJECTED -> 1;
            case IO -> 2;
            case USAGE -> 3;
            default -> 4;
        };
    }
}
