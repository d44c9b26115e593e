package dev.nebula.wasi.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The file descriptors of one WASI program. A new descriptor takes the lowest free number, as
 * POSIX {@code open} does, so that closing stdout and opening a file redirects output exactly as
 * it would natively.
 */
public final class FdTable {

    /** POSIX's usual per-process default; a guest loop that leaks descriptors fails with EMFILE. */
    public static final int MAX_OPEN = 1024;

    private final List<Descriptor> slots = new ArrayList<>();

    /** The descriptor numbered {@code fd}, or EBADF. */
    public Descriptor get(int fd) {
        Descriptor d = fd >= 0 && fd < slots.size() ? slots.get(fd) : null;
        if (d == null) throw new WasiError(Errno.BADF);
        return d;
    }

    /** The directory numbered {@code fd}: EBADF when closed, ENOTDIR when it is not a directory. */
    public DirectoryDescriptor directory(int fd) {
        Descriptor d = get(fd);
        if (!(d instanceof DirectoryDescriptor dir)) throw new WasiError(Errno.NOTDIR);
        return dir;
    }

    public boolean isOpen(int fd) {
        return fd >= 0 && fd < slots.size() && slots.get(fd) != null;
    }

    /** Installs {@code d} at the lowest free number and returns that number. */
    public int add(Descriptor d) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) == null) {
                slots.set(i, d);
                return i;
            }
        }
        if (slots.size() >= MAX_OPEN) throw new WasiError(Errno.MFILE);
        slots.add(d);
        return slots.size() - 1;
    }

    /** Removes and closes {@code fd}. */
    public void close(int fd) throws IOException {
        Descriptor d = get(fd);
        slots.set(fd, null);
        d.close();
    }

    /**
     * {@code fd_renumber}: moves {@code from} to {@code to}, closing what {@code to} held. Both must
     * be open (preview1 does not allocate {@code to}, unlike dup2).
     */
    public void renumber(int from, int to) throws IOException {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from == to) return;
        slots.set(to, moving);
        slots.set(from, null);
        replaced.close();
    }

    /** Flushes every output, e.g. when the program exits. */
    public void flushAll() {
        for (Descriptor d : slots) {
            if (d == null) continue;
            try {
                d.flush();
            } catch (IOException ignored) {
                // The program is ending; a sink that cannot take the rest loses it, as natively.
            }
        }
    }

    /** Closes every descriptor (the embedder's streams are flushed, not closed). */
    public void closeAll() {
        for (int i = 0; i < slots.size(); i++) {
            Descriptor d = slots.get(i);
            if (d == null) continue;
            slots.set(i, null);
            try {
                d.close();
            } catch (IOException ignored) {
                // Nothing more can be reported for a descriptor that is going away.
            }
        }
    }
}
