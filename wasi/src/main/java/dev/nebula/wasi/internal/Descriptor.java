package dev.nebula.wasi.internal;

import java.io.IOException;

/**
 * An open file descriptor of the guest (preview1 {@code $fd}): what it refers to, its rights and
 * its {@code fdflags}. The operations default to the errno that POSIX gives for a descriptor of
 * the wrong kind; subclasses override what they support.
 */
public abstract class Descriptor {

    private long rightsBase;
    private long rightsInheriting;
    private int fdflags;

    protected Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    /** The preview1 {@code filetype} reported by {@code fd_fdstat_get}. */
    public abstract int filetype();

    public final long rightsBase() {
        return rightsBase;
    }

    public final long rightsInheriting() {
        return rightsInheriting;
    }

    /**
     * Narrows the rights ({@code fd_fdstat_set_rights}): a descriptor may drop rights but never
     * regain them, so asking for one it lacks fails with ENOTCAPABLE.
     */
    public final void restrictRights(long base, long inheriting) {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) throw new WasiError(Errno.NOTCAPABLE);
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    /** Fails with ENOTCAPABLE unless every right in {@code rights} is held. */
    public final void require(long rights) {
        if ((rightsBase & rights) != rights) throw new WasiError(Errno.NOTCAPABLE);
    }

    public final int fdflags() {
        return fdflags;
    }

    public void setFdflags(int flags) {
        fdflags = flags;
    }

    /** Reads up to {@code length} bytes at the current position; 0 at end of file. */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    /** Writes up to {@code length} bytes at the current position (or the end when appending). */
    public int write(byte[] buffer, int offset, int length) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    /** Reads at {@code position} without moving the current position. */
    public int pread(byte[] buffer, int offset, int length, long position) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    /** Writes at {@code position} without moving the current position. */
    public int pwrite(byte[] buffer, int offset, int length, long position) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    /** Moves the current position ({@code fd_seek}) and returns the new one. */
    public long seek(long offset, int whence) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    public Filestat stat(HostStat host) throws IOException {
        return Filestat.ofType(filetype());
    }

    public void sync(boolean dataOnly) throws IOException {
        // Nothing to do for streams and directories beyond what write already did.
    }

    public void setSize(long size) throws IOException {
        throw new WasiError(Errno.INVAL);
    }

    public void allocate(long offset, long length) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    /** Sets access and modification times; null leaves one unchanged. */
    public void setTimes(HostStat host, Long atimNanos, Long mtimNanos) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    /** Whether a read would not block now (for {@code poll_oneoff}), and how many bytes wait. */
    public long readableBytes() throws IOException {
        return 0;
    }

    public boolean readReady() throws IOException {
        return true;
    }

    /** Pushes buffered output to its destination. */
    public void flush() throws IOException {
    }

    /** Releases the host resource; the descriptor is unusable afterwards. */
    public void close() throws IOException {
    }
}
