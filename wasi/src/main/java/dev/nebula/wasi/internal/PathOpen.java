package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

import static dev.nebula.wasi.internal.WasiCall.i32;
import static dev.nebula.wasi.internal.WasiCall.i64;

/**
 * {@code path_open(fd, dirflags: lookupflags, path, oflags, fs_rights_base,
 * fs_rights_inheriting, fdflags) -> fd} (preview1), with POSIX openat(2) semantics on top of
 * the sandboxed {@link PathResolver}.
 *
 * <p>Rights: the directory needs {@code path_open}, plus {@code path_create_file} for
 * {@code creat} and {@code path_filestat_set_size} for {@code trunc}. The new descriptor gets the
 * requested rights intersected with the directory's inheriting rights (as wasi-libc expects: it
 * asks for everything and takes what it gets), then narrowed to what fits a file or a directory.
 */
final class PathOpen {

    private final WasiContext ctx;

    PathOpen(WasiContext ctx) {
        this.ctx = ctx;
    }

    int open(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = ctx.fds().directory(i32(a, 0));
        boolean follow = (i32(a, 1) & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = m.readPath(i32(a, 2), i32(a, 3));
        int oflags = i32(a, 4) & 0xFFFF;
        long requestedBase = i64(a, 5);
        long requestedInheriting = i64(a, 6);
        int fdflags = i32(a, 7) & 0xFFFF;
        int out = i32(a, 8);
        m.check(out, 4);

        if ((oflags & ~0xF) != 0 || (fdflags & ~Flags.FDFLAGS_ALL) != 0) throw new WasiError(Errno.INVAL);
        boolean creat = (oflags & Flags.OFLAGS_CREAT) != 0;
        boolean excl = (oflags & Flags.OFLAGS_EXCL) != 0;
        boolean trunc = (oflags & Flags.OFLAGS_TRUNC) != 0;
        boolean directory = (oflags & Flags.OFLAGS_DIRECTORY) != 0;
        dir.require(Rights.PATH_OPEN);
        if (creat) dir.require(Rights.PATH_CREATE_FILE);
        if (trunc) dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        if (creat || trunc) dir.requireWritable();
        long base = requestedBase & dir.rightsInheriting();
        long inheriting = requestedInheriting & dir.rightsInheriting();

        PathResolver.Resolved r = PathResolver.resolve(dir, path,
                follow ? PathResolver.Follow.FOLLOW : PathResolver.Follow.NOFOLLOW);
        Descriptor opened;
        if (r.exists()) {
            if (creat && excl) throw new WasiError(Errno.EXIST);
            // The last component is a link only when not following: that is O_NOFOLLOW, ELOOP.
            if (r.isSymbolicLink()) throw new WasiError(Errno.LOOP);
            if (r.isDirectory()) {
                if (creat || trunc || (requestedBase & Rights.FD_WRITE) != 0) throw new WasiError(Errno.ISDIR);
                opened = new DirectoryDescriptor(r.host(), dir.readOnly(), null,
                        base & Rights.DIRECTORY, inheriting, fdflags);
            } else {
                if (directory) throw new WasiError(Errno.NOTDIR);
                if ((base & Rights.WRITE_INTENT) != 0) dir.requireWritable();
                opened = openFile(r.host(), dir.readOnly(), base, inheriting, fdflags, false, trunc);
            }
        } else {
            if (!creat) throw new WasiError(Errno.NOENT);
            if (directory) throw new WasiError(Errno.INVAL);
            if (r.trailingSlash()) throw new WasiError(Errno.ISDIR);
            opened = openFile(r.host(), dir.readOnly(), base, inheriting, fdflags, true, false);
        }
        int fd;
        try {
            fd = ctx.fds().add(opened);
        } catch (WasiError tooMany) {
            opened.close();
            throw tooMany;
        }
        m.writeInt(out, fd);
        return Errno.SUCCESS;
    }

    private Descriptor openFile(Path host, boolean readOnly, long base, long inheriting, int fdflags,
                                       boolean create, boolean truncate) throws IOException {
        Set<OpenOption> options = new HashSet<>();
        // The last component was checked not to be a link; O_NOFOLLOW keeps it that way.
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean write = create || truncate || (base & Rights.WRITE_INTENT) != 0;
        boolean read = (base & Rights.FD_READ) != 0 || !write;
        if (read) options.add(StandardOpenOption.READ);
        // The JDK ignores CREATE and TRUNCATE_EXISTING on a channel opened only for reading.
        if (write) options.add(StandardOpenOption.WRITE);
        if (create) options.add(StandardOpenOption.CREATE_NEW);
        if (truncate) options.add(StandardOpenOption.TRUNCATE_EXISTING);
        FileChannel channel = FileChannel.open(host, options);
        return new FileDescriptor(channel, host, readOnly, base & Rights.REGULAR_FILE, inheriting, fdflags)
                .identify(ctx.hostStat());
    }
}
