package dev.nebula.wasi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File and path operations through direct calls: positions, sizes, links and times, with POSIX's answers. */
class FileOpsTest {

    static final long ALL_FILE = (1L << 28) - 1 & ~((1L << 9) | (1L << 10));
    static final int CREAT = 1;

    @TempDir
    Path dir;
    Guest g;
    int out;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("f"), "0123456789");
        g = new Guest(WasiConfig.builder().preopen(dir, "/").build());
        out = g.alloc(8);
    }

    private int openFile(String name, int oflags, int fdflags) {
        assertEquals(0, g.open(3, 0, name, oflags, ALL_FILE, fdflags, out));
        return g.i32(out);
    }

    private String pread(int fd, int length, long offset) {
        int buf = g.alloc(length);
        int iov = g.alloc(8);
        g.memory.writeInt(iov, buf);
        g.memory.writeInt(iov + 4, length);
        int n = g.alloc(4);
        assertEquals(0, g.call("fd_pread", fd, iov, 1, offset, n));
        return g.text(buf, g.i32(n));
    }

    @Test
    void seekTellAndPositionalIo() {
        int fd = openFile("f", 0, 0);
        int pos = g.alloc(8);
        assertEquals(0, g.call("fd_seek", fd, 4L, 0, pos));
        assertEquals(4, g.i64(pos));
        assertEquals(0, g.call("fd_seek", fd, -1L, 2, pos));
        assertEquals(9, g.i64(pos));
        assertEquals(28, g.call("fd_seek", fd, -20L, 1, pos), "before the start: EINVAL");
        assertEquals(28, g.call("fd_seek", fd, 0L, 7, pos), "bad whence: EINVAL");
        assertEquals("345", pread(fd, 3, 3));
        assertEquals(0, g.call("fd_tell", fd, pos));
        assertEquals(9, g.i64(pos), "pread does not move the position");
        assertEquals(0, g.call("fd_seek", fd, 100L, 0, pos), "past the end is allowed");
        assertEquals("", pread(fd, 4, 50));
    }

    @Test
    void appendWritesAtTheEndWhateverThePosition() throws Exception {
        int fd = openFile("f", 0, 1);
        assertEquals(0, g.call("fd_seek", fd, 0L, 0, g.alloc(8)));
        assertEquals(0, g.call("fd_write", fd, g.iovec("AB".getBytes(StandardCharsets.UTF_8)), 1, g.alloc(4)));
        assertEquals("0123456789AB", Files.readString(dir.resolve("f")));
        assertEquals(0, g.call("fd_fdstat_set_flags", fd, 0));
        assertEquals(0, g.call("fd_seek", fd, 0L, 0, g.alloc(8)));
        assertEquals(0, g.call("fd_write", fd, g.iovec("xy".getBytes(StandardCharsets.UTF_8)), 1, g.alloc(4)));
        assertEquals("xy23456789AB", Files.readString(dir.resolve("f")));
    }

    @Test
    void sizeChangesAndAllocate() throws Exception {
        int fd = openFile("f", 0, 0);
        assertEquals(0, g.call("fd_seek", fd, 8L, 0, g.alloc(8)));
        assertEquals(0, g.call("fd_filestat_set_size", fd, 4L));
        assertEquals("0123", Files.readString(dir.resolve("f")));
        int pos = g.alloc(8);
        assertEquals(0, g.call("fd_tell", fd, pos));
        assertEquals(8, g.i64(pos), "ftruncate leaves the position alone");
        assertEquals(0, g.call("fd_allocate", fd, 2L, 10L));
        assertEquals(12, Files.size(dir.resolve("f")));
        assertEquals(0, g.call("fd_allocate", fd, 0L, 1L));
        assertEquals(12, Files.size(dir.resolve("f")), "allocate never shrinks");
        assertEquals(28, g.call("fd_advise", fd, 0L, 0L, 9), "unknown advice: EINVAL");
    }

    @Test
    void symlinkReadlinkAndExactTimesOnTheLinkItself() throws Exception {
        assertEquals(0, g.call("path_symlink", g.string("f"), 1, 3, g.string("l"), 1));
        int buf = g.alloc(8);
        int n = g.alloc(4);
        assertEquals(0, g.call("path_readlink", 3, g.string("l"), 1, buf, 8, n));
        assertEquals("f", g.text(buf, g.i32(n)));
        assertEquals(28, g.call("path_readlink", 3, g.string("f"), 1, buf, 8, n), "not a link: EINVAL");
        long mtim = 1_600_000_000_123_456_789L;
        assertEquals(0, g.call("path_filestat_set_times", 3, 0, g.string("l"), 1, 0L, mtim, 4));
        int st = g.alloc(64);
        assertEquals(0, g.call("path_filestat_get", 3, 0, g.string("l"), 1, st));
        assertEquals(7, g.memory.readByte(st + 16), "the link itself");
        assertEquals(mtim, g.i64(st + 48), "nanoseconds survive although the host keeps microseconds for links");
        assertEquals(java.time.Instant.ofEpochSecond(1_600_000_000L, 123_456_000),
                Files.getLastModifiedTime(dir.resolve("l"), LinkOption.NOFOLLOW_LINKS).toInstant(),
                "what the host itself holds: microseconds");
        assertEquals(0, g.call("path_filestat_get", 3, 1, g.string("l"), 1, st));
        assertEquals(4, g.memory.readByte(st + 16), "followed: the file");
    }

    @Test
    void directoriesCreateRemoveAndRename() throws Exception {
        assertEquals(0, g.call("path_create_directory", 3, g.string("d"), 1));
        assertEquals(20, g.call("path_create_directory", 3, g.string("d"), 1), "EEXIST");
        assertEquals(0, openFile("d/x", CREAT, 0) > 0 ? 0 : 1);
        assertEquals(55, g.call("path_remove_directory", 3, g.string("d"), 1), "ENOTEMPTY");
        assertEquals(31, g.call("path_unlink_file", 3, g.string("d"), 1), "EISDIR");
        assertEquals(54, g.call("path_remove_directory", 3, g.string("f"), 1), "ENOTDIR");
        assertEquals(0, g.call("path_rename", 3, g.string("d"), 1, 3, g.string("e"), 1));
        assertEquals(0, g.call("path_unlink_file", 3, g.string("e/x"), 3));
        assertEquals(0, g.call("path_remove_directory", 3, g.string("e/"), 2));
        assertEquals(44, g.call("path_remove_directory", 3, g.string("e"), 1), "ENOENT");
        assertEquals(0, g.call("path_link", 3, 0, g.string("f"), 1, 3, g.string("h"), 1));
        assertEquals("0123456789", Files.readString(dir.resolve("h")));
        assertEquals(20, g.call("path_link", 3, 0, g.string("f"), 1, 3, g.string("h"), 1), "EEXIST");
    }

    @Test
    void largeTransfersGoThroughInChunks() throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        g = new Guest(WasiConfig.builder().preopen(dir, "/").build(), 8);
        out = g.alloc(8);
        int fd = openFile("big", CREAT, 0);
        int n = g.alloc(4);
        assertEquals(0, g.call("fd_write", fd, g.iovec(big), 1, n));
        assertEquals(big.length, g.i32(n));
        org.junit.jupiter.api.Assertions.assertArrayEquals(big, Files.readAllBytes(dir.resolve("big")));
        assertEquals(0, g.call("fd_seek", fd, 0L, 0, g.alloc(8)));
        int buf = g.alloc(big.length);
        int iov = g.alloc(8);
        g.memory.writeInt(iov, buf);
        g.memory.writeInt(iov + 4, big.length);
        assertEquals(0, g.call("fd_read", fd, iov, 1, n));
        assertEquals(big.length, g.i32(n));
        org.junit.jupiter.api.Assertions.assertArrayEquals(big, g.bytes(buf, big.length));
    }

    @Test
    void anOpenFileKeepsItsIdentityAfterItsPathIsReused() throws Exception {
        int fd = openFile("f", 0, 0);
        assertEquals(0, g.call("path_rename", 3, g.string("f"), 1, 3, g.string("moved"), 5));
        Files.writeString(dir.resolve("f"), "another file, longer");
        int st = g.alloc(64);
        assertEquals(0, g.call("fd_filestat_get", fd, st));
        assertEquals(10, g.i64(st + 32), "the size of the open file, not of the new one at its old path");
        assertEquals(58, g.call("fd_filestat_set_times", fd, 0L, 0L, 4), "ENOTSUP rather than touch the new file");
    }
}
