package dev.nebula.wasi.internal;

import java.io.IOException;

import static dev.nebula.wasi.internal.WasiCall.i32;
import static dev.nebula.wasi.internal.WasiCall.i64;

/**
 * The data operations on a descriptor (preview1): {@code fd_read}, {@code fd_write},
 * {@code fd_pread}, {@code fd_pwrite}, {@code fd_seek} and {@code fd_tell}. Every iovec is
 * checked to lie in memory before any byte moves (see {@link Iovec#readAll}).
 */
final class FdIoFunctions {

    /** The most one host read or write moves, so a guest's huge buffer costs the host no more. */
    static final int CHUNK = 64 * 1024;

    private final WasiContext ctx;

    FdIoFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code fd_read(fd, iovs: iovec_array) -> size}: needs {@code fd_read}. */
    int read(GuestMemory m, long[] a) throws IOException {
        return vectored(m, a, Rights.FD_READ, false);
    }

    /**
     * {@code fd_pread(fd, iovs: iovec_array, offset: filesize) -> size}: needs {@code fd_read};
     * a stream has no offsets and gives ESPIPE, as pread(2) on a pipe does.
     */
    int pread(GuestMemory m, long[] a) throws IOException {
        return vectored(m, a, Rights.FD_READ, true);
    }

    /** {@code fd_write(fd, iovs: ciovec_array) -> size}: needs {@code fd_write}. */
    int write(GuestMemory m, long[] a) throws IOException {
        return vectored(m, a, Rights.FD_WRITE, false);
    }

    /** {@code fd_pwrite(fd, iovs: ciovec_array, offset: filesize) -> size}: needs {@code fd_write}; ESPIPE on a stream. */
    int pwrite(GuestMemory m, long[] a) throws IOException {
        return vectored(m, a, Rights.FD_WRITE, true);
    }

    /**
     * The four vectored transfers share one shape: {@code fd, iovs, iovs_len[, offset], result}.
     * {@code right} says the direction (fd_read in, fd_write out); a positioned transfer reads
     * its offset from argument 3 and never moves the descriptor's own position.
     */
    private int vectored(GuestMemory m, long[] a, long right, boolean positioned) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(right);
        Iovec[] iovs = Iovec.readAll(m, i32(a, 1), i32(a, 2));
        long offset = -1;
        if (positioned) {
            offset = i64(a, 3);
            if (offset < 0) throw new WasiError(Errno.INVAL);
        }
        int out = i32(a, positioned ? 4 : 3);
        m.check(out, 4);
        int moved = right == Rights.FD_READ ? transferIn(m, d, iovs, offset) : transferOut(m, d, iovs, offset);
        m.writeInt(out, moved);
        return Errno.SUCCESS;
    }

    /**
     * {@code fd_seek(fd, offset: filedelta, whence) -> filesize}: needs {@code fd_seek}, or only
     * {@code fd_tell} for the pure query {@code (0, cur)}.
     */
    int seek(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        long offset = i64(a, 1);
        int whence = i32(a, 2) & 0xFF;
        d.require(offset == 0 && whence == Flags.WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
        if (whence > Flags.WHENCE_END) throw new WasiError(Errno.INVAL);
        int out = i32(a, 3);
        m.check(out, 8);
        m.writeLong(out, d.seek(offset, whence));
        return Errno.SUCCESS;
    }

    /** {@code fd_tell(fd) -> filesize}: needs {@code fd_tell}. */
    int tell(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_TELL);
        int out = i32(a, 1);
        m.check(out, 8);
        m.writeLong(out, d.seek(0, Flags.WHENCE_CUR));
        return Errno.SUCCESS;
    }

    /**
     * Fills the iovecs in order, through a bounded buffer so that a huge iovec cannot make the
     * host allocate as much. A short read ends the transfer, as readv(2) does, so a program never
     * waits for more input than the first buffer needed.
     */
    private static int transferIn(GuestMemory m, Descriptor d, Iovec[] iovs, long position) throws IOException {
        int total = 0;
        byte[] chunk = null;
        for (Iovec v : iovs) {
            int remaining = v.length();
            int at = v.buf();
            while (remaining > 0) {
                int want = Math.min(remaining, CHUNK);
                if (chunk == null || chunk.length < want) chunk = new byte[Math.min(CHUNK, Math.max(want, 4096))];
                int n = position < 0 ? d.read(chunk, 0, want) : d.pread(chunk, 0, want, position + total);
                if (n <= 0) return total;
                m.write(at, chunk, 0, n);
                total += n;
                at += n;
                remaining -= n;
                if (n < want) return total;
            }
        }
        return total;
    }

    /**
     * Gathers small writes into one host write, so that a line made of several iovecs reaches a
     * pipe in one piece; large ones go out in bounded chunks. A short write ends the transfer.
     */
    private static int transferOut(GuestMemory m, Descriptor d, Iovec[] iovs, long position) throws IOException {
        long total = Iovec.totalLength(iovs);
        if (total == 0) return 0;
        if (total <= CHUNK) {
            byte[] data = new byte[(int) total];
            int at = 0;
            for (Iovec v : iovs) {
                byte[] part = m.read(v.buf(), v.length());
                System.arraycopy(part, 0, data, at, part.length);
                at += part.length;
            }
            return position < 0 ? d.write(data, 0, data.length) : d.pwrite(data, 0, data.length, position);
        }
        int written = 0;
        for (Iovec v : iovs) {
            for (int done = 0; done < v.length(); ) {
                int want = Math.min(v.length() - done, CHUNK);
                byte[] part = m.read(v.buf() + done, want);
                int n = position < 0 ? d.write(part, 0, want) : d.pwrite(part, 0, want, position + written);
                written += n;
                done += n;
                if (n < want) return written;
            }
        }
        return written;
    }
}
