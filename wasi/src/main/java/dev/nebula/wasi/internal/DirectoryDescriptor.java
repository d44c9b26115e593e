package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An open directory: the host directory it stands for and whether the tree below it is
 * read-only. Paths given with it are resolved beneath it and never above it (see
 * {@link PathResolver}): a directory descriptor is the capability to reach what it contains.
 * A preopen also carries the name the guest knows it by.
 *
 * <p>The JDK has no directory handles, so a directory descriptor holds a host path, and a path
 * can be redirected: a guest that renames a parent directory and plants a link in its place
 * would otherwise make the old path lead outside the sandbox. So the directory's identity
 * (device and inode) is taken when the descriptor is made, and every use checks that the path
 * still leads to that same directory; when it does not, the directory is treated as gone
 * (ENOENT), where a native descriptor would have followed it to its new place.
 */
public final class DirectoryDescriptor extends Descriptor {

    private final Path hostPath;
    private final boolean readOnly;
    private final String preopenName;
    private final Object identity;

    /**
     * @param hostPath the directory, absolute and reached without symbolic links
     * @throws IOException if it cannot be read, e.g. because it vanished meanwhile
     */
    public DirectoryDescriptor(Path hostPath, boolean readOnly, String preopenName, long rightsBase,
                               long rightsInheriting, int fdflags) throws IOException {
        super(rightsBase, rightsInheriting, fdflags);
        this.hostPath = hostPath;
        this.readOnly = readOnly;
        this.preopenName = preopenName;
        this.identity = identityOf(hostPath);
    }

    /**
     * The host directory, after checking that the path still leads to the directory this
     * descriptor was made for (ENOENT when it does not).
     */
    public Path hostPath() {
        Object now;
        try {
            now = identityOf(hostPath);
        } catch (IOException e) {
            throw new WasiError(Errno.NOENT);
        }
        if (now == null || !now.equals(identity)) throw new WasiError(Errno.NOENT);
        return hostPath;
    }

    /** The file key (device and inode on Unix) of a directory, or null when it is no directory. */
    private static Object identityOf(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) return null;
        // Without a file key (a file system that has none) the path itself is all there is.
        return a.fileKey() != null ? a.fileKey() : path;
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
        return host.stat(hostPath());
    }

    @Override
    public void setTimes(HostStat host, Long atimNanos, Long mtimNanos) throws IOException {
        requireWritable();
        host.setTimes(hostPath(), atimNanos, mtimNanos);
    }
}
