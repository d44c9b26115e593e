package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and sets host file metadata as preview1 {@link Filestat}s, never following a final
 * symbolic link (the sandbox resolves links itself).
 *
 * <p>The JDK sets a symbolic link's own times with {@code lutimes}, which keeps only
 * microseconds, while preview1 timestamps are nanoseconds. So that a program reads back the
 * time it set, the exact value is remembered per file (device and inode) and reported as long as
 * the host still holds that value rounded to what it could store. One instance per {@code Wasi}.
 */
public final class HostStat {

    private static final int S_IFMT = 0170000;

    private record Key(long dev, long ino) {
    }

    private record Exact(long atim, long mtim) {
    }

    private final Map<Key, Exact> exactTimes = new HashMap<>();

    /** The metadata of {@code path} itself (a symbolic link is described, not followed). */
    public Filestat stat(Path path) throws IOException {
        Filestat raw = statHost(path);
        Exact exact = exactTimes.isEmpty() ? null : exactTimes.get(new Key(raw.dev(), raw.ino()));
        if (exact == null) return raw;
        long atim = sameUpToMicros(raw.atim(), exact.atim) ? exact.atim : raw.atim();
        long mtim = sameUpToMicros(raw.mtim(), exact.mtim) ? exact.mtim : raw.mtim();
        return new Filestat(raw.dev(), raw.ino(), raw.filetype(), raw.nlink(), raw.size(), atim, mtim, raw.ctim());
    }

    /** Sets the times of {@code path} itself; a null time stays as it is. */
    public void setTimes(Path path, Long atim, Long mtim) throws IOException {
        BasicFileAttributeView view = Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setTimes(mtim == null ? null : toFileTime(mtim), atim == null ? null : toFileTime(atim), null);
        Filestat now = statHost(path);
        Key key = new Key(now.dev(), now.ino());
        Exact before = exactTimes.get(key);
        long a = atim != null ? atim : before != null && sameUpToMicros(now.atim(), before.atim) ? before.atim : now.atim();
        long m = mtim != null ? mtim : before != null && sameUpToMicros(now.mtim(), before.mtim) ? before.mtim : now.mtim();
        exactTimes.put(key, new Exact(a, m));
    }

    private static boolean sameUpToMicros(long host, long exact) {
        return host == exact || host == Math.floorDiv(exact, 1000) * 1000;
    }

    private static FileTime toFileTime(long nanos) {
        return FileTime.from(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    static long toNanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** What the host says, through the "unix" view where there is one. */
    private static Filestat statHost(Path path) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, "unix:dev,ino,mode,nlink,size,lastAccessTime,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return statPortable(path);
        }
        int mode = (Integer) a.get("mode");
        return new Filestat(
                (Long) a.get("dev"),
                (Long) a.get("ino"),
                filetypeOfMode(mode),
                ((Number) a.get("nlink")).longValue(),
                (Long) a.get("size"),
                toNanos((FileTime) a.get("lastAccessTime")),
                toNanos((FileTime) a.get("lastModifiedTime")),
                toNanos((FileTime) a.get("ctime")));
    }

    private static Filestat statPortable(Path path) throws IOException {
        BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int type = b.isSymbolicLink() ? Filetype.SYMBOLIC_LINK : b.isDirectory() ? Filetype.DIRECTORY
                : b.isRegularFile() ? Filetype.REGULAR_FILE : Filetype.UNKNOWN;
        long ino = b.fileKey() != null ? b.fileKey().hashCode() & 0xFFFFFFFFL : path.toAbsolutePath().hashCode() & 0xFFFFFFFFL;
        return new Filestat(0, ino, type, 1, b.size(), toNanos(b.lastAccessTime()), toNanos(b.lastModifiedTime()),
                toNanos(b.lastModifiedTime()));
    }

    /** Maps a POSIX st_mode's type bits to a preview1 filetype (a FIFO has none: unknown). */
    public static int filetypeOfMode(int mode) {
        switch (mode & S_IFMT) {
            case 0140000: return Filetype.SOCKET_STREAM;
            case 0120000: return Filetype.SYMBOLIC_LINK;
            case 0100000: return Filetype.REGULAR_FILE;
            case 0060000: return Filetype.BLOCK_DEVICE;
            case 0040000: return Filetype.DIRECTORY;
            case 0020000: return Filetype.CHARACTER_DEVICE;
            default: return Filetype.UNKNOWN;
        }
    }
}
