package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.nebula.wasi.internal.WasiCall.i32;
import static dev.nebula.wasi.internal.WasiCall.i64;

/**
 * {@code fd_readdir(fd, buf, buf_len, cookie: dircookie) -> size} (preview1). Entries are
 * {@code "."}, {@code ".."} and then the names in sorted order, so that the order is the same on
 * every call and a cookie (the index of the next entry) stays meaningful between calls. Each entry
 * is a 24-byte {@code dirent} (d_next u64 at 0, d_ino u64 at 8, d_namlen u32 at 16, d_type u8 at
 * 20) followed by the name without a NUL. When the buffer is full the last entry is cut off, and
 * the spec's convention applies: a result equal to buf_len means "call again from the last whole
 * entry's d_next".
 */
final class DirectoryListing {

    static final int DIRENT_SIZE = 24;

    private final WasiContext ctx;

    DirectoryListing(WasiContext ctx) {
        this.ctx = ctx;
    }

    int readdir(GuestMemory m, long[] a) throws IOException {
        Descriptor d = ctx.fds().get(i32(a, 0));
        d.require(Rights.FD_READDIR);
        if (!(d instanceof DirectoryDescriptor dir)) throw new WasiError(Errno.NOTDIR);
        int buf = i32(a, 1);
        int bufLen = i32(a, 2);
        long cookie = i64(a, 3);
        int out = i32(a, 4);
        m.check(buf, bufLen & 0xFFFFFFFFL);
        m.check(out, 4);
        Path base = dir.hostPath();
        List<String> names = list(base);
        long capacity = bufLen & 0xFFFFFFFFL;
        long used = 0;
        for (long i = Math.max(cookie, 0); i < names.size() + 2L && used < capacity; i++) {
            String name = i == 0 ? "." : i == 1 ? ".." : names.get((int) (i - 2));
            Path host = i == 0 ? base : i == 1 ? parentOf(base) : base.resolve(name);
            byte[] entry = dirent(i + 1, host, name);
            int n = (int) Math.min(entry.length, capacity - used);
            m.write((int) (buf + used), entry, 0, n);
            used += n;
        }
        m.writeInt(out, (int) used);
        return Errno.SUCCESS;
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) names.add(p.getFileName().toString());
        }
        Collections.sort(names);
        return names;
    }

    private static Path parentOf(Path dir) {
        Path parent = dir.getParent();
        return parent != null ? parent : dir;
    }

    private byte[] dirent(long next, Path host, String name) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long ino = 0;
        int type = Filetype.UNKNOWN;
        try {
            Filestat s = ctx.hostStat().stat(host);
            ino = s.ino();
            type = s.filetype();
        } catch (NoSuchFileException removedMeanwhile) {
            // Listed but gone now: still report the name, as a racing readdir(3) would.
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(DIRENT_SIZE + nameBytes.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, next);
        b.putLong(8, ino);
        b.putInt(16, nameBytes.length);
        b.put(20, (byte) type);
        b.position(DIRENT_SIZE);
        b.put(nameBytes);
        return b.array();
    }
}
