package dev.nebula.wasi.internal;

import dev.nebula.wasi.Stdio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Builds descriptors 0, 1 and 2 from the embedder's {@link Stdio} choices, reporting each as what
 * it is so that the guest buffers as natively (preview1 {@code fd_fdstat_get}: libc's
 * {@code isatty} asks for a character device without seek rights).
 */
final class StdioDescriptors {

    private StdioDescriptors() {
    }

    static Descriptor stdin(Stdio spec) throws IOException {
        if (spec instanceof Stdio.Inherit) return StreamDescriptor.input(System.in, inheritedType(0));
        if (spec instanceof Stdio.Input in) {
            return StreamDescriptor.input(in.stream(), in.terminal() ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN);
        }
        Path path = ((Stdio.HostFile) spec).path();
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new FileDescriptor(ch, path.toAbsolutePath(), true,
                Rights.REGULAR_FILE & ~(Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE), 0, 0);
    }

    static Descriptor output(Stdio spec, int fd) throws IOException {
        if (spec instanceof Stdio.Inherit) {
            return StreamDescriptor.output(fd == 1 ? System.out : System.err, inheritedType(fd));
        }
        if (spec instanceof Stdio.Output out) {
            return StreamDescriptor.output(out.stream(), out.terminal() ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN);
        }
        Path path = ((Stdio.HostFile) spec).path();
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new FileDescriptor(ch, path.toAbsolutePath(), false, Rights.REGULAR_FILE & ~Rights.FD_READ, 0, 0);
    }

    /**
     * What the JVM's own descriptor {@code fd} really is. On Linux {@code /proc/self/fd/N} leads
     * to the file, pipe or terminal itself; elsewhere {@link System#console()} tells whether the
     * JVM runs in a terminal, and anything else counts as a pipe.
     */
    static int inheritedType(int fd) {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/self/fd/" + fd), "unix:mode");
            return HostStat.filetypeOfMode((Integer) a.get("mode"));
        } catch (IOException | RuntimeException noProcFs) {
            return System.console() != null ? Filetype.CHARACTER_DEVICE : Filetype.UNKNOWN;
        }
    }
}
