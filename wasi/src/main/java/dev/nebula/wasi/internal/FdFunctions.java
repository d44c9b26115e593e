package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.nebula.wasi.internal.WasiCall.i32;
import static dev.nebula.wasi.internal.WasiCall.i64;

/**
 * The descriptor operations other than data transfer and directory listing (preview1):
 * close, renumber, advise, allocate, sync, the fdstat and filestat families, and the two prestat
 * calls through which a program finds its preopened directories.
 */
final class FdFunctions {

    /** witx {@code $fdstat}: filetype u8 at 0, flags u16 at 2, rights_base u64 at 8, rights_inheriting u64 at 16. */
    static final int FDSTAT_SIZE = 24;
    /** witx {@code $prestat}: tag u8 at 0 (0 = dir), pr_name_len u32 at 4. */
    static final int PRESTAT_SIZE = 8;

    private final WasiContext ctx;

    FdFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code fd_close(fd)}; a preopen may be closed too, as the testsuite's close_preopen does. */
    int close(GuestMemory m, long[] a) throws IOException {
        ctx.fds().close(i32(a, 0));
        return Errno.SUCCESS;
    }

    /** {@code fd_renumber(fd, to)}: both must be open; {@code to} is closed and replaced. */
    int renumber(GuestMemory m, long[] a) throws IOException {
        ctx.fds().renumber(i32(a, 0), i32(a, 1));
        return Errno.SUCCESS;
    }

    /** {@code fd_advise(fd, offset, len, advice)}: a hint, accepted and ignored for files and directories. */
    int advise(GuestMemory m, long[] a) {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_ADVISE);
        if ((i32(a, 3) & 0xFF) > Flags.ADVICE_MAX) throw new WasiError(Errno.INVAL);
        if (i64(a, 1) < 0 || i64(a, 2) < 0) throw new WasiError(Errno.INVAL);
        if (d instanceof StreamDescriptor) throw new WasiError(Errno.SPIPE);
        return Errno.SUCCESS;
    }

    /** {@code fd_allocate(fd, offset, len)}: grows the file to at least offset + len. */
    int allocate(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_ALLOCATE);
        d.allocate(i64(a, 1), i64(a, 2));
        return Errno.SUCCESS;
    }

    /** {@code fd_datasync(fd)}. */
    int datasync(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_DATASYNC);
        d.sync(true);
        return Errno.SUCCESS;
    }

    /** {@code fd_sync(fd)}. */
    int sync(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_SYNC);
        d.sync(false);
        return Errno.SUCCESS;
    }

    /** {@code fd_fdstat_get(fd) -> fdstat}: needs no right, so that any descriptor can be inspected. */
    int fdstatGet(GuestMemory m, long[] a) {
        Descriptor d = ctx.fds().get(i32(a, 0));
        int out = i32(a, 1);
        m.check(out, FDSTAT_SIZE);
        m.writeByte(out, d.filetype());
        m.writeByte(out + 1, 0);
        m.writeShort(out + 2, d.fdflags());
        m.writeInt(out + 4, 0);
        m.writeLong(out + 8, d.rightsBase());
        m.writeLong(out + 16, d.rightsInheriting());
        return Errno.SUCCESS;
    }

    /** {@code fd_fdstat_set_flags(fd, flags: fdflags)}: append, nonblock and the sync flags. */
    int fdstatSetFlags(GuestMemory m, long[] a) {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        int flags = i32(a, 1) & 0xFFFF;
        if ((flags & ~Flags.FDFLAGS_ALL) != 0) throw new WasiError(Errno.INVAL);
        d.setFdflags(flags);
        return Errno.SUCCESS;
    }

    /** {@code fd_fdstat_set_rights(fd, fs_rights_base, fs_rights_inheriting)}: may only drop rights. */
    int fdstatSetRights(GuestMemory m, long[] a) {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.restrictRights(i64(a, 1), i64(a, 2));
        return Errno.SUCCESS;
    }

    /** {@code fd_filestat_get(fd) -> filestat}. */
    int filestatGet(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_FILESTAT_GET);
        int out = i32(a, 1);
        m.check(out, Filestat.SIZE);
        d.stat(ctx.hostStat()).write(m, out);
        return Errno.SUCCESS;
    }

    /** {@code fd_filestat_set_size(fd, size)}: truncates or zero-extends, like ftruncate(2). */
    int filestatSetSize(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_FILESTAT_SET_SIZE);
        d.setSize(i64(a, 1));
        return Errno.SUCCESS;
    }

    /** {@code fd_filestat_set_times(fd, atim, mtim, fst_flags)}. */
    int filestatSetTimes(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        TimeUpdate t = TimeUpdate.of(i32(a, 3) & 0xFFFF, i64(a, 1), i64(a, 2), ctx.clock());
        if (!t.isEmpty()) d.setTimes(ctx.hostStat(), t.atim(), t.mtim());
        return Errno.SUCCESS;
    }

    /** {@code fd_prestat_get(fd) -> prestat}: EBADF for anything but a preopened directory, which ends libc's scan. */
    int prestatGet(GuestMemory m, long[] a) {
        String name = preopenName(i32(a, 0));
        int out = i32(a, 1);
        m.check(out, PRESTAT_SIZE);
        m.writeInt(out, 0); // tag 0 = preopentype::dir, and the padding after it
        m.writeInt(out + 4, name.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    /**
     * {@code fd_prestat_dir_name(fd, path: Pointer<u8>, path_len: size)}: the name without a NUL.
     * A buffer too small for it is ENAMETOOLONG (the testsuite accepts that or EINVAL).
     */
    int prestatDirName(GuestMemory m, long[] a) {
        byte[] name = preopenName(i32(a, 0)).getBytes(StandardCharsets.UTF_8);
        int buf = i32(a, 1);
        long len = i32(a, 2) & 0xFFFFFFFFL;
        if (len < name.length) throw new WasiError(Errno.NAMETOOLONG);
        m.write(buf, name);
        return Errno.SUCCESS;
    }

    private String preopenName(int fd) {
        Descriptor d = ctx.fds().get(fd);
        if (d instanceof DirectoryDescriptor dir && dir.preopenName() != null) return dir.preopenName();
        throw new WasiError(Errno.BADF);
    }
}
