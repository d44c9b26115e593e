package dev.nebula.wasi.internal;

import dev.nebula.wasi.Preopen;
import dev.nebula.wasi.WasiClock;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasi.WasiRandom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one WASI program: its descriptors, arguments, environment, clock and random
 * source. Built from a {@link WasiConfig}: descriptors 0, 1 and 2 are the standard streams and
 * the preopens follow from 3 in the order given. Not thread-safe; one program, one thread.
 */
public final class WasiContext {

    private final FdTable fds = new FdTable();
    private final HostStat hostStat = new HostStat();
    private final WasiClock clock;
    private final WasiRandom random;
    private final List<byte[]> args;
    private final List<byte[]> env;

    public WasiContext(WasiConfig config) {
        this.clock = config.clock();
        this.random = config.random();
        this.args = new ArrayList<>();
        for (String a : config.args()) args.add(a.getBytes(StandardCharsets.UTF_8));
        this.env = new ArrayList<>();
        for (Map.Entry<String, String> e : config.env().entrySet()) {
            env.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        try {
            fds.add(StdioDescriptors.stdin(config.stdin()));
            fds.add(StdioDescriptors.output(config.stdout(), 1));
            fds.add(StdioDescriptors.output(config.stderr(), 2));
            for (Preopen p : config.preopens()) fds.add(preopen(p));
        } catch (IOException e) {
            fds.closeAll();
            throw new UncheckedIOException("cannot set up WASI: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
    }

    private static DirectoryDescriptor preopen(Preopen p) throws IOException {
        if (!Files.isDirectory(p.hostPath())) {
            throw new IllegalArgumentException("preopen " + p.hostPath() + " is not a directory");
        }
        // The real path: the sandbox below it must be free of links, the root itself included.
        Path real = p.hostPath().toRealPath();
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("preopen " + p.hostPath() + " is not a directory");
        }
        return new DirectoryDescriptor(real, p.readOnly(), p.guestPath(), Rights.DIRECTORY, Rights.DIRECTORY_INHERITING, 0);
    }

    public FdTable fds() {
        return fds;
    }

    public HostStat hostStat() {
        return hostStat;
    }

    public WasiClock clock() {
        return clock;
    }

    public WasiRandom random() {
        return random;
    }

    /** argv as UTF-8 bytes, without the terminating NULs. */
    public List<byte[]> args() {
        return args;
    }

    /** The environment as UTF-8 {@code name=value} bytes, without the terminating NULs. */
    public List<byte[]> env() {
        return env;
    }
}
