package dev.nebula.wasi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Escapes tried through direct preview1 calls, as a hostile guest would make them: each must be
 * refused with the errno documented in {@code PathResolver}, and nothing outside the preopen may
 * be read or changed.
 */
class SandboxPathTest {

    static final int EINVAL = 28;
    static final int ELOOP = 32;
    static final int ENOENT = 44;
    static final int ENOTDIR = 54;
    static final int EPERM = 63;
    static final int ENOTCAPABLE = 76;
    static final int FOLLOW = 1;
    static final int CREAT = 1;
    static final long ALL = (1L << 30) - 1;
    static final long FD_READ = 2;

    @TempDir
    Path tmp;
    Path root;
    Path outside;
    Path readOnly;
    Guest g;
    int out;

    @BeforeEach
    void setUp() throws Exception {
        SandboxLayout layout = SandboxLayout.create(tmp);
        root = layout.sandbox();
        outside = layout.outside();
        readOnly = layout.readOnly();
        g = new Guest(WasiConfig.builder().preopen(root, "/").preopen(readOnly, "/ro", true).build());
        out = g.alloc(8);
    }

    private int open(String path, int lookup) {
        return g.open(3, lookup, path, 0, FD_READ, 0, out);
    }

    @Test
    void absolutePathsAreNotCapable() {
        assertEquals(ENOTCAPABLE, open("/etc/passwd", FOLLOW));
        assertEquals(ENOTCAPABLE, open("/sub/file", FOLLOW));
    }

    @Test
    void dotDotAboveThePreopenIsNotCapable() {
        assertEquals(ENOTCAPABLE, open("../outside/secret", FOLLOW));
        assertEquals(ENOTCAPABLE, open("sub/../../outside/secret", FOLLOW));
        assertEquals(ENOTCAPABLE, open("sub/inner/../../..", FOLLOW));
    }

    @Test
    void dotDotWithinThePreopenIsFine() throws Exception {
        assertEquals(0, open("sub/./inner/../file", FOLLOW));
        assertEquals(SandboxLayout.INSIDE_TEXT, readAll(g.i32(out)));
        assertEquals(0, open("to-sub/../sub/file", FOLLOW));
    }

    @Test
    void symlinksPointingOutsideAreNotCapable() {
        assertEquals(ENOTCAPABLE, open("escape", FOLLOW));
        assertEquals(ENOTCAPABLE, open("deep-escape/secret", FOLLOW));
        assertEquals(ENOTCAPABLE, open("abs", FOLLOW), "an absolute link target");
        assertEquals(ELOOP, open("escape", 0), "not following: O_NOFOLLOW on a link is ELOOP");
    }

    @Test
    void danglingAndLoopingSymlinks() {
        assertEquals(ENOENT, open("dangling", FOLLOW));
        assertEquals(ELOOP, open("dangling", 0));
        assertEquals(ELOOP, open("loop", FOLLOW));
        assertEquals(ELOOP, open("ping", FOLLOW));
        assertEquals(ELOOP, open("loop/x", 0), "a loop in the middle of a path");
    }

    @Test
    void aDirectoryDescriptorCannotReachItsParent() {
        assertEquals(0, g.open(3, 0, "sub", 2, ALL & ~64L, 0, out), "a directory opened without fd_write");
        int sub = g.i32(out);
        assertEquals(0, g.open(sub, 0, "file", 0, FD_READ, 0, out));
        assertEquals(ENOTCAPABLE, g.open(sub, 0, "../escape", 0, FD_READ, 0, out));
        assertEquals(ENOTCAPABLE, g.open(sub, 0, "..", 0, FD_READ, 0, out));
    }

    @Test
    void aDirectoryDescriptorCannotBeRedirectedBySwappingItsParentForALink() throws Exception {
        Files.createDirectories(outside.resolve("inner"));
        Files.writeString(outside.resolve("inner/loot"), "outside!");
        assertEquals(0, g.open(3, 0, "sub/inner", 2, ALL & ~64L, 0, out));
        int inner = g.i32(out);
        // The guest moves "sub" away and plants a link in its place that leads out of the preopen.
        assertEquals(0, g.call("path_rename", 3, g.string("sub"), 3, 3, g.string("moved"), 5));
        assertEquals(0, g.call("path_symlink", g.string("../outside"), 10, 3, g.string("sub"), 3));
        assertEquals(ENOENT, g.open(inner, 0, "loot", 0, FD_READ, 0, out),
                "the descriptor's directory is gone from its path; the link must not stand in for it");
        assertEquals(ENOENT, g.call("path_create_directory", inner, g.string("made"), 4));
        assertEquals(ENOENT, g.call("fd_readdir", inner, g.alloc(64), 64, 0L, g.alloc(4)));
        assertFalse(Files.exists(outside.resolve("inner/made")));
    }

    @Test
    void oddPathsAreRefusedPlainly() {
        assertEquals(ENOTDIR, open("sub/file/", FOLLOW));
        assertEquals(ENOENT, open("", FOLLOW));
        assertEquals(EINVAL, open("sub/file\0", FOLLOW));
        assertEquals(37, open("a".repeat(5000), FOLLOW), "longer than PATH_MAX: ENAMETOOLONG");
    }

    @Test
    void renameLinkAndSymlinkCannotLeaveThePreopen() {
        String from = "sub/file";
        assertEquals(ENOTCAPABLE, g.call("path_rename", 3, g.string(from), Guest.len(from), 3, g.string("../stolen"), 9));
        assertEquals(ENOTCAPABLE, g.call("path_link", 3, 0, g.string(from), Guest.len(from), 3, g.string("../stolen"), 9));
        assertEquals(ENOTCAPABLE, g.call("path_link", 3, 0, g.string("../outside/secret"), 17, 3, g.string("got"), 3));
        assertEquals(ENOTCAPABLE, g.call("path_symlink", g.string("/etc"), 4, 3, g.string("etc"), 3));
        assertFalse(Files.exists(tmp.resolve("stolen")));
        assertFalse(Files.exists(root.resolve("got")));
        assertTrue(Files.exists(root.resolve(from)));
    }

    @Test
    void aReadOnlyPreopenRefusesEveryChangeWithEperm() throws Exception {
        int ro = 4;
        assertEquals(0, g.open(ro, 0, "data", 0, FD_READ, 0, out));
        assertEquals(SandboxLayout.READ_ONLY_TEXT, readAll(g.i32(out)));
        assertEquals(EPERM, g.open(ro, 0, "new", CREAT, ALL, 0, out));
        assertEquals(EPERM, g.open(ro, 0, "data", 0, FD_READ | 64, 0, out), "asking for fd_write");
        assertEquals(EPERM, g.open(ro, 0, "data", 8, FD_READ, 0, out), "trunc");
        assertEquals(EPERM, g.call("path_create_directory", ro, g.string("d"), 1));
        assertEquals(EPERM, g.call("path_unlink_file", ro, g.string("data"), 4));
        assertEquals(EPERM, g.call("path_rename", ro, g.string("data"), 4, ro, g.string("moved"), 5));
        assertEquals(EPERM, g.call("path_symlink", g.string("data"), 4, ro, g.string("l"), 1));
        assertEquals(EPERM, g.call("path_rename", 3, g.string("sub/file"), 8, ro, g.string("in"), 2), "into it");
        assertEquals(EPERM, g.call("path_filestat_set_times", ro, 0, g.string("data"), 4, 0L, 0L, 8));
        assertEquals(SandboxLayout.READ_ONLY_TEXT, Files.readString(readOnly.resolve("data")));
        try (var s = Files.list(readOnly)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void writesStayInsideThePreopen() throws Exception {
        assertEquals(0, g.open(3, 0, "made", CREAT, ALL, 0, out));
        int fd = g.i32(out);
        int iov = g.iovec("new file".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, g.call("fd_write", fd, iov, 1, g.alloc(4)));
        assertEquals(0, g.call("fd_close", fd));
        assertEquals("new file", Files.readString(root.resolve("made")));
    }

    private String readAll(int fd) {
        int buf = g.alloc(64);
        int iov = g.alloc(8);
        g.memory.writeInt(iov, buf);
        g.memory.writeInt(iov + 4, 64);
        int n = g.alloc(4);
        assertEquals(0, g.call("fd_read", fd, iov, 1, n));
        return g.text(buf, g.i32(n));
    }
}
