package dev.nebula.wasi;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The standard streams: gathering writes, reads, fdstat kinds, and errors on bad descriptors and pointers. */
class StdioTest {

    @Test
    void fdWriteGathersIovecsIntoOneWrite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Guest g = new Guest(WasiConfig.builder().stdout(out).build());
        int iovs = g.alloc(16);
        int a = g.string("hello, ");
        int b = g.string("world\n");
        g.memory.writeInt(iovs, a);
        g.memory.writeInt(iovs + 4, 7);
        g.memory.writeInt(iovs + 8, b);
        g.memory.writeInt(iovs + 12, 6);
        int n = g.alloc(4);
        assertEquals(0, g.call("fd_write", 1, iovs, 2, n));
        assertEquals(13, g.i32(n));
        assertEquals("hello, world\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIovecOutsideMemoryIsEfaultAndNothingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Guest g = new Guest(WasiConfig.builder().stdout(out).build());
        int iovs = g.alloc(16);
        g.memory.writeInt(iovs, g.string("ok"));
        g.memory.writeInt(iovs + 4, 2);
        g.memory.writeInt(iovs + 8, 65530);
        g.memory.writeInt(iovs + 12, 100);
        assertEquals(21, g.call("fd_write", 1, iovs, 2, g.alloc(4)));
        assertEquals(0, out.size());
        assertEquals(21, g.call("fd_write", 1, 70000, 1, g.alloc(4)));
    }

    @Test
    void fdReadFillsFromStdinAndSeesEndOfFile() {
        Guest g = new Guest(WasiConfig.builder().stdin(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))).build());
        int buf = g.alloc(8);
        int iov = g.alloc(8);
        g.memory.writeInt(iov, buf);
        g.memory.writeInt(iov + 4, 8);
        int n = g.alloc(4);
        assertEquals(0, g.call("fd_read", 0, iov, 1, n));
        assertEquals(3, g.i32(n));
        assertEquals("abc", g.text(buf, 3));
        assertEquals(0, g.call("fd_read", 0, iov, 1, n));
        assertEquals(0, g.i32(n));
    }

    @Test
    void badDescriptorsAndWrongDirectionsAreErrors() {
        Guest g = new Guest(WasiConfig.builder().build());
        int iov = g.iovec(new byte[] {1});
        int n = g.alloc(4);
        assertEquals(8, g.call("fd_write", 9, iov, 1, n), "EBADF");
        assertEquals(76, g.call("fd_write", 0, iov, 1, n), "stdin has no fd_write right: ENOTCAPABLE");
        assertEquals(76, g.call("fd_read", 1, iov, 1, n), "stdout has no fd_read right: ENOTCAPABLE");
        assertEquals(70, g.call("fd_pwrite", 1, iov, 1, 0L, n), "a stream has no offsets: ESPIPE");
        assertEquals(76, g.call("fd_seek", 1, 5L, 0, g.alloc(8)), "no fd_seek right on a stream");
    }

    @Test
    void fdstatReportsTheConfiguredKindOfEachStream(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.txt");
        Guest g = new Guest(WasiConfig.builder()
                .stdin(Stdio.terminal(InputStreamsForTest.empty()))
                .stdout(file)
                .stderr(new ByteArrayOutputStream())
                .build());
        int st = g.alloc(24);
        assertEquals(0, g.call("fd_fdstat_get", 0, st));
        assertEquals(2, g.memory.readByte(st), "a terminal is a character device");
        long rights = g.i64(st + 8);
        assertEquals(0, rights & (4 | 32), "no seek or tell on a terminal, so libc's isatty says yes");
        assertEquals(0, g.call("fd_fdstat_get", 1, st));
        assertEquals(4, g.memory.readByte(st), "a file is a regular file");
        assertEquals(0, g.call("fd_fdstat_get", 2, st));
        assertEquals(0, g.memory.readByte(st), "a pipe-like stream is 'unknown', never a character device");

        int iov = g.iovec("to file".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, g.call("fd_write", 1, iov, 1, g.alloc(4)));
        g.wasi.close();
        assertEquals("to file", Files.readString(file));
    }

    /** Small helper so the test reads as what it configures. */
    static final class InputStreamsForTest {
        static java.io.InputStream empty() {
            return new ByteArrayInputStream(new byte[0]);
        }
    }
}
