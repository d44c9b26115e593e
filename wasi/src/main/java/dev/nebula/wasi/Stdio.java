package dev.nebula.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one of a WASI program's standard streams (file descriptors 0, 1 and 2) comes from or
 * goes to. What {@code fd_fdstat_get} reports follows from the choice, because C and Rust
 * programs pick their buffering from it exactly as they do natively: a terminal is line-buffered,
 * a pipe or a file is fully buffered.
 */
public sealed interface Stdio {

    /**
     * The JVM's own stream ({@link System#in}, {@link System#out} or {@link System#err} at the
     * time the {@link Wasi} is created), reported as what it really is: a terminal, a regular
     * file or a pipe.
     */
    record Inherit() implements Stdio {
    }

    /** Bytes read from a Java stream; reported as a terminal when {@code terminal}, else as a pipe. */
    record Input(InputStream stream, boolean terminal) implements Stdio {
        public Input {
            Objects.requireNonNull(stream, "stream");
        }
    }

    /** Bytes written to a Java stream; reported as a terminal when {@code terminal}, else as a pipe. */
    record Output(OutputStream stream, boolean terminal) implements Stdio {
        public Output {
            Objects.requireNonNull(stream, "stream");
        }
    }

    /**
     * A host file: read from for stdin, created or truncated for stdout and stderr. Reported as a
     * regular file, seekable like a native redirection {@code < file} or {@code > file}.
     */
    record HostFile(Path path) implements Stdio {
        public HostFile {
            Objects.requireNonNull(path, "path");
        }
    }

    static Stdio inherit() {
        return new Inherit();
    }

    static Stdio of(InputStream in) {
        return new Input(in, false);
    }

    static Stdio of(OutputStream out) {
        return new Output(out, false);
    }

    /** A stream the program should treat as an interactive terminal (line-buffered output). */
    static Stdio terminal(InputStream in) {
        return new Input(in, true);
    }

    /** A stream the program should treat as an interactive terminal (line-buffered output). */
    static Stdio terminal(OutputStream out) {
        return new Output(out, true);
    }

    static Stdio file(Path path) {
        return new HostFile(path);
    }

    /** Nothing to read: every read sees end of file. */
    static Stdio emptyInput() {
        return new Input(InputStream.nullInputStream(), false);
    }

    /** Everything written is dropped. */
    static Stdio discard() {
        return new Output(OutputStream.nullOutputStream(), false);
    }
}
