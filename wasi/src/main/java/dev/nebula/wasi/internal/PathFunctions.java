package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static dev.nebula.wasi.internal.WasiCall.i32;
import static dev.nebula.wasi.internal.WasiCall.i64;

/**
 * The path operations of preview1 other than {@code path_open}: create and remove directories,
 * unlink, rename, link, symlink, readlink, and the path filestat calls. Each resolves its paths
 * with {@link PathResolver} beneath the given directory descriptor, checks the directory's right
 * for the operation (ENOTCAPABLE when missing) and refuses changes below a read-only preopen
 * with EPERM. Error precedence follows Linux, whose errnos the wasi-testsuite asserts.
 */
final class PathFunctions {

    private final WasiContext ctx;

    PathFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    private DirectoryDescriptor dir(long[] a, int index, long right) {
        DirectoryDescriptor dir = ctx.fds().directory(i32(a, index));
        dir.require(right);
        return dir;
    }

    /** {@code path_create_directory(fd, path)}: mkdirat(2); an existing name (even a dangling link) is EEXIST. */
    int createDirectory(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_CREATE_DIRECTORY);
        String path = m.readPath(i32(a, 1), i32(a, 2));
        dir.requireWritable();
        PathResolver.Resolved r = PathResolver.resolve(dir, path, PathResolver.Follow.NEVER);
        if (r.exists()) throw new WasiError(Errno.EXIST);
        Files.createDirectory(r.host());
        return Errno.SUCCESS;
    }

    /** {@code path_remove_directory(fd, path)}: unlinkat(2) with AT_REMOVEDIR; only empty directories. */
    int removeDirectory(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_REMOVE_DIRECTORY);
        String path = m.readPath(i32(a, 1), i32(a, 2));
        dir.requireWritable();
        PathResolver.Resolved r = PathResolver.resolve(dir, path, PathResolver.Follow.NEVER);
        if (r.name() == null) throw new WasiError(Errno.INVAL); // "." or a path ending in ".."
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        if (!r.isDirectory()) throw new WasiError(Errno.NOTDIR);
        if (!isEmpty(r.host())) throw new WasiError(Errno.NOTEMPTY);
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /** {@code path_unlink_file(fd, path)}: unlinkat(2) without AT_REMOVEDIR; a link is removed, not its target. */
    int unlinkFile(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_UNLINK_FILE);
        String path = m.readPath(i32(a, 1), i32(a, 2));
        dir.requireWritable();
        PathResolver.Resolved r = PathResolver.resolve(dir, path, PathResolver.Follow.NEVER);
        if (r.name() == null) throw new WasiError(Errno.ISDIR);
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        if (r.isDirectory()) throw new WasiError(Errno.ISDIR);
        if (r.trailingSlash()) throw new WasiError(Errno.NOTDIR);
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    /**
     * {@code path_rename(fd, old_path, new_fd, new_path)}: renameat(2), done with one atomic host
     * rename so that replacing an empty directory or a file is atomic as POSIX promises.
     */
    int rename(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor from = dir(a, 0, Rights.PATH_RENAME_SOURCE);
        String oldPath = m.readPath(i32(a, 1), i32(a, 2));
        DirectoryDescriptor to = dir(a, 3, Rights.PATH_RENAME_TARGET);
        String newPath = m.readPath(i32(a, 4), i32(a, 5));
        from.requireWritable();
        to.requireWritable();
        PathResolver.Resolved src = PathResolver.resolve(from, oldPath, PathResolver.Follow.NEVER);
        PathResolver.Resolved dst = PathResolver.resolve(to, newPath, PathResolver.Follow.NEVER);
        if (src.name() == null || dst.name() == null) throw new WasiError(Errno.BUSY);
        if (!src.exists()) throw new WasiError(Errno.NOENT);
        if (src.isDirectory()) {
            if (dst.exists() && !dst.isDirectory()) throw new WasiError(Errno.NOTDIR);
            if (dst.isDirectory() && !isEmpty(dst.host()) && !dst.host().equals(src.host())) throw new WasiError(Errno.NOTEMPTY);
        } else {
            if (src.trailingSlash() || dst.trailingSlash()) throw new WasiError(Errno.NOTDIR);
            if (dst.isDirectory()) throw new WasiError(Errno.ISDIR);
        }
        Files.move(src.host(), dst.host(), StandardCopyOption.ATOMIC_MOVE);
        return Errno.SUCCESS;
    }

    /**
     * {@code path_link(old_fd, old_flags, old_path, new_fd, new_path)}: linkat(2). A directory
     * cannot be hard-linked (EPERM, as Linux says); without symlink_follow a link itself is linked.
     */
    int link(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor from = dir(a, 0, Rights.PATH_LINK_SOURCE);
        boolean follow = (i32(a, 1) & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        String oldPath = m.readPath(i32(a, 2), i32(a, 3));
        DirectoryDescriptor to = dir(a, 4, Rights.PATH_LINK_TARGET);
        String newPath = m.readPath(i32(a, 5), i32(a, 6));
        to.requireWritable();
        PathResolver.Resolved src = PathResolver.resolve(from, oldPath,
                follow ? PathResolver.Follow.FOLLOW : PathResolver.Follow.NEVER);
        PathResolver.Resolved dst = PathResolver.resolve(to, newPath, PathResolver.Follow.NEVER);
        if (!src.exists()) throw new WasiError(Errno.NOENT);
        if (src.isDirectory()) throw new WasiError(Errno.PERM);
        if (src.trailingSlash()) throw new WasiError(Errno.NOTDIR);
        if (dst.exists() || dst.name() == null) throw new WasiError(Errno.EXIST);
        if (dst.trailingSlash()) throw new WasiError(Errno.NOENT);
        Files.createLink(dst.host(), src.host());
        return Errno.SUCCESS;
    }

    /**
     * {@code path_symlink(old_path, fd, new_path)}: symlinkat(2). The link's text is stored as
     * given, but an absolute target is refused with ENOTCAPABLE: it could never be followed inside
     * the sandbox, and refusing it early is what the testsuite's symlink_create expects.
     */
    int symlink(GuestMemory m, long[] a) throws IOException {
        String target = m.readPath(i32(a, 0), i32(a, 1));
        DirectoryDescriptor dir = dir(a, 2, Rights.PATH_SYMLINK);
        String newPath = m.readPath(i32(a, 3), i32(a, 4));
        dir.requireWritable();
        if (target.startsWith("/")) throw new WasiError(Errno.NOTCAPABLE);
        if (target.isEmpty()) throw new WasiError(Errno.NOENT);
        PathResolver.Resolved r = PathResolver.resolve(dir, newPath, PathResolver.Follow.NEVER);
        if (r.exists() || r.name() == null) throw new WasiError(Errno.EXIST);
        if (r.trailingSlash()) throw new WasiError(Errno.NOENT);
        Files.createSymbolicLink(r.host(), r.parent().getFileSystem().getPath(target));
        return Errno.SUCCESS;
    }

    /**
     * {@code path_readlink(fd, path, buf, buf_len) -> size}: the link's text, cut to the buffer
     * as readlink(2) does; not a link is EINVAL.
     */
    int readlink(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_READLINK);
        String path = m.readPath(i32(a, 1), i32(a, 2));
        int buf = i32(a, 3);
        long bufLen = i32(a, 4) & 0xFFFFFFFFL;
        int out = i32(a, 5);
        m.check(buf, bufLen);
        m.check(out, 4);
        PathResolver.Resolved r = PathResolver.resolve(dir, path, PathResolver.Follow.NOFOLLOW);
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        if (!r.isSymbolicLink()) throw new WasiError(Errno.INVAL);
        byte[] text = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(text.length, bufLen);
        m.write(buf, text, 0, n);
        m.writeInt(out, n);
        return Errno.SUCCESS;
    }

    /** {@code path_filestat_get(fd, flags: lookupflags, path) -> filestat}. */
    int filestatGet(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_FILESTAT_GET);
        boolean follow = (i32(a, 1) & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = m.readPath(i32(a, 2), i32(a, 3));
        int out = i32(a, 4);
        m.check(out, Filestat.SIZE);
        PathResolver.Resolved r = PathResolver.resolve(dir, path,
                follow ? PathResolver.Follow.FOLLOW : PathResolver.Follow.NOFOLLOW);
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        ctx.hostStat().stat(r.host()).write(m, out);
        return Errno.SUCCESS;
    }

    /** {@code path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags)}; without symlink_follow a link's own times change. */
    int filestatSetTimes(GuestMemory m, long[] a) throws IOException {
        DirectoryDescriptor dir = dir(a, 0, Rights.PATH_FILESTAT_SET_TIMES);
        boolean follow = (i32(a, 1) & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = m.readPath(i32(a, 2), i32(a, 3));
        TimeUpdate t = TimeUpdate.of(i32(a, 6) & 0xFFFF, i64(a, 4), i64(a, 5), ctx.clock());
        dir.requireWritable();
        PathResolver.Resolved r = PathResolver.resolve(dir, path,
                follow ? PathResolver.Follow.FOLLOW : PathResolver.Follow.NOFOLLOW);
        if (!r.exists()) throw new WasiError(Errno.NOENT);
        if (!t.isEmpty()) ctx.hostStat().setTimes(r.host(), t.atim(), t.mtim());
        return Errno.SUCCESS;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory)) {
            return !s.iterator().hasNext();
        }
    }
}
