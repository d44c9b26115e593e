package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An open directory: the host directory it stands for and whether the tree below it is
 * read-only. Paths given with it are resolved beneath it and never above it (see
 * {@link PathResolver}): a directory descriptor is the capability to reach what it contains.
 * A preopen also carries the name the guest knows it by.
 */
public final class DirectoryDescriptor extends Descriptor {

    private final Path hostPath;
    private final boolean readOnly;
    private final String preopenName;

    public DirectoryDescriptor(Path hostPath, boolean readOnly, String preopenName, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.hostPath = hostPath;
        this.readOnly = readOnly;
        this.preopenName = preopenName;
    }

    /** The host directory, absolute and free of symbolic links. */
    public Path hostPath() {
        return hostPath;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The guest-visible name when this is a preopen, else null. */
    public String preopenName() {
        return preopenName;
    }

    /** Fails with EPERM when the tree is read-only, as wasmtime does for a read-only preopen. */
    public void requireWritable() {
        if (readOnly) throw new WasiError(Errno.PERM);
    }

    @Override
    public int filetype() {
        return Filetype.DIRECTORY;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public int write(byte[] buffer, int offset, int length) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public int pread(byte[] buffer, int offset, int length, long position) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public int pwrite(byte[] buffer, int offset, int length, long position) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public long seek(long offset, int whence) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public void setSize(long size) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public void allocate(long offset, long length) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public Filestat stat(HostStat host) throws IOException {
        return host.stat(hostPath);
    }

    @Override
    public void setTimes(HostStat host, Long atimNanos, Long mtimNanos) throws IOException {
        requireWritable();
        host.setTimes(hostPath, atimNanos, mtimNanos);
    }
}
