package dev.nebula.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a WASI program may see of the host: its arguments and environment, its three
 * standard streams, the directories it may reach, and its clock and random source. Immutable;
 * build one with {@link #builder()}.
 *
 * <p>The defaults grant nothing: no arguments, an empty environment, stdin at end of file,
 * stdout and stderr discarded, no directories, the system clock and a secure random source.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *         .args("hello.wasm", "world")
 *         .env("LANG", "C.UTF-8")
 *         .inheritStdio()
 *         .preopen(Path.of("data"), "/data", true)
 *         .build();
 * }</pre>
 */
public final class WasiConfig {

    private final List<String> args;
    private final Map<String, String> env;
    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final List<Preopen> preopens;
    private final WasiClock clock;
    private final WasiRandom random;

    private WasiConfig(Builder b, WasiRandom random) {
        this.args = Collections.unmodifiableList(new ArrayList<>(b.args));
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.preopens = Collections.unmodifiableList(new ArrayList<>(b.preopens));
        this.clock = b.clock;
        this.random = random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The program's argv, program name first. */
    public List<String> args() {
        return args;
    }

    /** The program's environment, in the order given. */
    public Map<String, String> env() {
        return env;
    }

    public Stdio stdin() {
        return stdin;
    }

    public Stdio stdout() {
        return stdout;
    }

    public Stdio stderr() {
        return stderr;
    }

    /** The preopened directories; the first becomes file descriptor 3, the next 4, and so on. */
    public List<Preopen> preopens() {
        return preopens;
    }

    public WasiClock clock() {
        return clock;
    }

    public WasiRandom random() {
        return random;
    }

    /** Collects a {@link WasiConfig}; every setter replaces what was set before, except the adders. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Stdio stdin = Stdio.emptyInput();
        private Stdio stdout = Stdio.discard();
        private Stdio stderr = Stdio.discard();
        private final List<Preopen> preopens = new ArrayList<>();
        private WasiClock clock = WasiClock.system();
        private WasiRandom random;

        private Builder() {
        }

        /** Sets argv, program name first. */
        public Builder args(String... argv) {
            return args(List.of(argv));
        }

        /** Sets argv, program name first. */
        public Builder args(List<String> argv) {
            for (String a : argv) checkNoNul(a, "argument");
            args.clear();
            args.addAll(argv);
            return this;
        }

        /** Adds (or replaces) one environment variable. */
        public Builder env(String name, String value) {
            checkNoNul(name, "environment variable name");
            checkNoNul(value, "environment variable value");
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("environment variable name must be non-empty and without '=': " + name);
            }
            env.put(name, value);
            return this;
        }

        /** Adds every entry of {@code variables}. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Adds the JVM's own environment ({@link System#getenv()}). */
        public Builder inheritEnv() {
            return env(System.getenv());
        }

        public Builder stdin(Stdio source) {
            if (source instanceof Stdio.Output) throw new IllegalArgumentException("stdin needs an input, not an output stream");
            stdin = Objects.requireNonNull(source);
            return this;
        }

        public Builder stdin(InputStream in) {
            return stdin(Stdio.of(in));
        }

        public Builder stdin(Path file) {
            return stdin(Stdio.file(file));
        }

        public Builder inheritStdin() {
            return stdin(Stdio.inherit());
        }

        public Builder stdout(Stdio sink) {
            if (sink instanceof Stdio.Input) throw new IllegalArgumentException("stdout needs an output, not an input stream");
            stdout = Objects.requireNonNull(sink);
            return this;
        }

        public Builder stdout(OutputStream out) {
            return stdout(Stdio.of(out));
        }

        public Builder stdout(Path file) {
            return stdout(Stdio.file(file));
        }

        public Builder inheritStdout() {
            return stdout(Stdio.inherit());
        }

        public Builder stderr(Stdio sink) {
            if (sink instanceof Stdio.Input) throw new IllegalArgumentException("stderr needs an output, not an input stream");
            stderr = Objects.requireNonNull(sink);
            return this;
        }

        public Builder stderr(OutputStream err) {
            return stderr(Stdio.of(err));
        }

        public Builder stderr(Path file) {
            return stderr(Stdio.file(file));
        }

        public Builder inheritStderr() {
            return stderr(Stdio.inherit());
        }

        /** The JVM's stdin, stdout and stderr, as a native program started from this shell would have. */
        public Builder inheritStdio() {
            return inheritStdin().inheritStdout().inheritStderr();
        }

        /** Grants the directory {@code hostPath} under the name {@code guestPath}. */
        public Builder preopen(Path hostPath, String guestPath, boolean readOnly) {
            preopens.add(new Preopen(hostPath, guestPath, readOnly));
            return this;
        }

        /** Grants the directory {@code hostPath}, writable, under the name {@code guestPath}. */
        public Builder preopen(Path hostPath, String guestPath) {
            return preopen(hostPath, guestPath, false);
        }

        public Builder clock(WasiClock wasiClock) {
            clock = Objects.requireNonNull(wasiClock);
            return this;
        }

        public Builder random(WasiRandom wasiRandom) {
            random = Objects.requireNonNull(wasiRandom);
            return this;
        }

        public WasiConfig build() {
            return new WasiConfig(this, random != null ? random : WasiRandom.secure());
        }

        private static void checkNoNul(String s, String what) {
            Objects.requireNonNull(s, what);
            // Arguments and variables reach the program as NUL-terminated C strings.
            if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " must not contain NUL");
        }
    }
}
