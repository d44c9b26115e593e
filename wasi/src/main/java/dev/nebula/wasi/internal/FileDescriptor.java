package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open regular file: a {@link FileChannel} plus the host path it was opened at, which the
 * JDK needs for metadata (it has no {@code fstat} or {@code futimens}). The file's identity
 * (device and inode) is taken at open, so that once the path names another file (after a
 * rename or unlink) its metadata is never mistaken for this one's. Appending is done here rather than with
 * {@code O_APPEND} because the JDK cannot combine append with read, and because
 * {@code fd_fdstat_set_flags} may switch it on and off while the file is open.
 */
public final class FileDescriptor extends Descriptor {

    private final FileChannel channel;
    private final Path hostPath;
    private final boolean readOnly;
    private long dev = -1;
    private long ino = -1;

    /** @param readOnly whether the file lies in a read-only preopen, so that not even its times may change */
    public FileDescriptor(FileChannel channel, Path hostPath, boolean readOnly, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.channel = channel;
        this.hostPath = hostPath;
        this.readOnly = readOnly;
    }

    /** Records which file the path named at open; without it, metadata is read by path alone. */
    public FileDescriptor identify(HostStat host) {
        try {
            Filestat s = host.stat(hostPath);
            dev = s.dev();
            ino = s.ino();
        } catch (IOException gone) {
            // Unlinked already: every later lookup by path falls back to the channel.
        }
        return this;
    }

    /** The metadata of the file at {@code hostPath}, if that is still this file; else null. */
    private Filestat statIfSameFile(HostStat host) {
        try {
            Filestat s = host.stat(hostPath);
            if (s.filetype() == Filetype.REGULAR_FILE && (dev == -1 || (s.dev() == dev && s.ino() == ino))) return s;
        } catch (IOException renamedOrUnlinked) {
            // The path no longer names anything.
        }
        return null;
    }

    public Path hostPath() {
        return hostPath;
    }

    @Override
    public int filetype() {
        return Filetype.REGULAR_FILE;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return Math.max(0, channel.read(ByteBuffer.wrap(buffer, offset, length)));
    }

    @Override
    public int write(byte[] buffer, int offset, int length) throws IOException {
        if ((fdflags() & Flags.FDFLAGS_APPEND) != 0) channel.position(channel.size());
        int n = writeFully(ByteBuffer.wrap(buffer, offset, length), -1);
        syncIfAsked();
        return n;
    }

    @Override
    public int pread(byte[] buffer, int offset, int length, long position) throws IOException {
        return Math.max(0, channel.read(ByteBuffer.wrap(buffer, offset, length), position));
    }

    @Override
    public int pwrite(byte[] buffer, int offset, int length, long position) throws IOException {
        // POSIX writes at the offset even in append mode (Linux appends); the testsuite accepts both.
        int n = writeFully(ByteBuffer.wrap(buffer, offset, length), position);
        syncIfAsked();
        return n;
    }

    private int writeFully(ByteBuffer data, long position) throws IOException {
        int total = 0;
        while (data.hasRemaining()) {
            total += position < 0 ? channel.write(data) : channel.write(data, position + total);
        }
        return total;
    }

    private void syncIfAsked() throws IOException {
        int f = fdflags();
        if ((f & (Flags.FDFLAGS_SYNC | Flags.FDFLAGS_RSYNC)) != 0) channel.force(true);
        else if ((f & Flags.FDFLAGS_DSYNC) != 0) channel.force(false);
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        long base;
        switch (whence) {
            case Flags.WHENCE_SET: base = 0; break;
            case Flags.WHENCE_CUR: base = channel.position(); break;
            case Flags.WHENCE_END: base = channel.size(); break;
            default: throw new WasiError(Errno.INVAL);
        }
        long target = base + offset;
        // Past the end is fine (a later write leaves a hole); before the start is EINVAL as in lseek(2).
        if (target < 0 || (offset > 0 && target < base)) throw new WasiError(Errno.INVAL);
        channel.position(target);
        return target;
    }

    @Override
    public Filestat stat(HostStat host) throws IOException {
        Filestat s = statIfSameFile(host);
        // Renamed or unlinked: describe what the channel still knows (nlink 0, as for an unlinked file).
        return s != null ? s : new Filestat(dev == -1 ? 0 : dev, ino == -1 ? 0 : ino, Filetype.REGULAR_FILE, 0, channel.size(), 0, 0, 0);
    }

    @Override
    public void sync(boolean dataOnly) throws IOException {
        channel.force(!dataOnly);
    }

    @Override
    public void setSize(long size) throws IOException {
        if (size < 0) throw new WasiError(Errno.INVAL);
        long current = channel.size();
        if (size < current) {
            long position = channel.position();
            channel.truncate(size);
            // truncate() pulls the position back; ftruncate(2) leaves it where it was.
            channel.position(position);
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    @Override
    public void allocate(long offset, long length) throws IOException {
        if (offset < 0 || length <= 0 || offset + length < 0) throw new WasiError(Errno.INVAL);
        // posix_fallocate only ever grows a file, to at least offset + length.
        if (offset + length > channel.size()) setSize(offset + length);
    }

    @Override
    public void setTimes(HostStat host, Long atimNanos, Long mtimNanos) throws IOException {
        if (readOnly) throw new WasiError(Errno.PERM);
        // Times can only be set by path here; refuse rather than touch whatever the path names now.
        if (statIfSameFile(host) == null) throw new WasiError(Errno.NOTSUP);
        host.setTimes(hostPath, atimNanos, mtimNanos);
    }

    @Override
    public long readableBytes() throws IOException {
        return Math.max(0, channel.size() - channel.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
