package dev.nebula.wasi;

import dev.nebula.wasm.WasiExitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The witx struct layouts, byte for byte: prestat, fdstat, filestat, dirent, event; and the small calls. */
class LayoutTest {

    @TempDir
    Path dir;

    private Guest guestWithDir() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "12345");
        Files.createDirectory(dir.resolve("a"));
        return new Guest(WasiConfig.builder().preopen(dir, "data").build());
    }

    @Test
    void prestatIsTagAndNameLength() throws Exception {
        Guest g = guestWithDir();
        int p = g.alloc(8);
        g.memory.write(p, new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        assertEquals(0, g.call("fd_prestat_get", 3, p));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 4, 0, 0, 0}, g.bytes(p, 8));
        int name = g.alloc(8);
        assertEquals(37, g.call("fd_prestat_dir_name", 3, name, 3), "too small: ENAMETOOLONG");
        assertEquals(0, g.call("fd_prestat_dir_name", 3, name, 8));
        assertEquals("data", g.text(name, 4));
        assertEquals(8, g.call("fd_prestat_get", 4, p), "past the preopens: EBADF ends libc's scan");
        assertEquals(8, g.call("fd_prestat_get", 1, p), "stdout is no preopen");
    }

    @Test
    void fdstatOfAPreopen() throws Exception {
        Guest g = guestWithDir();
        int st = g.alloc(24);
        assertEquals(0, g.call("fd_fdstat_get", 3, st));
        ByteBuffer b = ByteBuffer.wrap(g.bytes(st, 24)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.get(0), "directory");
        assertEquals(0, b.getShort(2), "no fdflags");
        long base = b.getLong(8);
        assertEquals(1L << 13, base & (1L << 13), "path_open");
        assertEquals(0, base & (1L << 2), "no fd_seek on a directory");
        assertEquals(0, base & (1L << 22), "no fd_filestat_set_size on a directory");
        assertEquals((1L << 28) - 1, b.getLong(16), "a preopen hands down every file and directory right (no socket rights)");
    }

    @Test
    void filestatFieldsAtTheirOffsets() throws Exception {
        Guest g = guestWithDir();
        int st = g.alloc(64);
        assertEquals(0, g.call("path_filestat_get", 3, 0, g.string("b.txt"), 5, st));
        ByteBuffer b = ByteBuffer.wrap(g.bytes(st, 64)).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Object> host = Files.readAttributes(dir.resolve("b.txt"), "unix:dev,ino,nlink");
        assertEquals(((Number) host.get("dev")).longValue(), b.getLong(0));
        assertEquals(((Number) host.get("ino")).longValue(), b.getLong(8));
        assertEquals(4, b.get(16), "regular file");
        assertEquals(((Number) host.get("nlink")).longValue(), b.getLong(24));
        assertEquals(5, b.getLong(32), "size");
        long mtim = b.getLong(48);
        assertEquals(Files.getLastModifiedTime(dir.resolve("b.txt")).toInstant().getEpochSecond(), mtim / 1_000_000_000L);
    }

    @Test
    void readdirWritesDirentsAndCutsTheLastOne() throws Exception {
        Guest g = guestWithDir();
        int buf = g.alloc(256);
        int used = g.alloc(4);
        assertEquals(0, g.call("fd_readdir", 3, buf, 256, 0L, used));
        int total = g.i32(used);
        assertEquals(4 * 24 + 1 + 2 + 1 + 5, total, ". .. a b.txt");
        ByteBuffer b = ByteBuffer.wrap(g.bytes(buf, total)).order(ByteOrder.LITTLE_ENDIAN);
        String[] names = {".", "..", "a", "b.txt"};
        int[] types = {3, 3, 3, 4};
        int at = 0;
        for (int i = 0; i < names.length; i++) {
            assertEquals(i + 1, b.getLong(at), "d_next");
            assertEquals(names[i].length(), b.getInt(at + 16), "d_namlen");
            assertEquals(types[i], b.get(at + 20), "d_type");
            assertEquals(names[i], new String(g.bytes(buf + at + 24, names[i].length()), StandardCharsets.UTF_8));
            at += 24 + names[i].length();
        }
        // A 30-byte buffer holds "." whole (25 bytes) and 5 bytes of "..": the result equals the buffer size.
        assertEquals(0, g.call("fd_readdir", 3, buf, 30, 0L, used));
        assertEquals(30, g.i32(used));
        // Resuming from the cookie of "a" lists only b.txt.
        assertEquals(0, g.call("fd_readdir", 3, buf, 256, 3L, used));
        assertEquals(24 + 5, g.i32(used));
    }

    @Test
    void pollOneoffReportsAnExpiredClockWithItsUserdata() {
        Guest g = new Guest(WasiConfig.builder().clock(WasiClock.deterministic(0, 1)).build());
        int in = g.alloc(48);
        g.memory.writeLong(in, 0x1122334455667788L);
        g.memory.writeByte(in + 8, (byte) 0); // clock
        g.memory.writeInt(in + 16, 1); // monotonic
        g.memory.writeLong(in + 24, 1_000_000_000L); // one second, relative
        int ev = g.alloc(32);
        int n = g.alloc(4);
        assertEquals(0, g.call("poll_oneoff", in, ev, 1, n));
        assertEquals(1, g.i32(n));
        assertEquals(0x1122334455667788L, g.i64(ev));
        assertEquals(0, g.memory.readShort(ev + 8), "no error");
        assertEquals(0, g.memory.readByte(ev + 10), "clock event");
        assertEquals(28, g.call("poll_oneoff", in, ev, 0, n), "no subscriptions: EINVAL");
    }

    @Test
    void pollOneoffSeesWritableStdoutAtOnce() {
        Guest g = new Guest(WasiConfig.builder().build());
        int in = g.alloc(96);
        g.memory.writeLong(in, 7);
        g.memory.writeByte(in + 8, (byte) 2); // fd_write
        g.memory.writeInt(in + 16, 1);
        g.memory.writeLong(in + 48, 8);
        g.memory.writeByte(in + 56, (byte) 0); // a clock a day away
        g.memory.writeLong(in + 72, 86_400_000_000_000L);
        int ev = g.alloc(64);
        int n = g.alloc(4);
        assertEquals(0, g.call("poll_oneoff", in, ev, 2, n));
        assertEquals(1, g.i32(n));
        assertEquals(7, g.i64(ev));
        assertEquals(2, g.memory.readByte(ev + 10));
    }

    @Test
    void clocksAndRandomAreDeterministicWhenAsked() {
        WasiConfig config = WasiConfig.builder()
                .clock(WasiClock.deterministic(1_700_000_000_000_000_000L, 10))
                .random(WasiRandom.seeded(42)).build();
        Guest a = new Guest(config);
        Guest b = new Guest(WasiConfig.builder().random(WasiRandom.seeded(42)).build());
        int t = a.alloc(8);
        assertEquals(0, a.call("clock_time_get", 0, 1L, t));
        assertEquals(1_700_000_000_000_000_010L, a.i64(t));
        assertEquals(0, a.call("clock_time_get", 1, 1L, t));
        assertEquals(20, a.i64(t));
        assertEquals(28, a.call("clock_time_get", 9, 1L, t), "unknown clock: EINVAL");
        assertEquals(0, a.call("clock_res_get", 1, t));
        assertEquals(1, a.i64(t));
        int ra = a.alloc(16);
        int rb = b.alloc(16);
        assertEquals(0, a.call("random_get", ra, 16));
        assertEquals(0, b.call("random_get", rb, 16));
        assertArrayEquals(a.bytes(ra, 16), b.bytes(rb, 16));
        assertEquals(21, a.call("random_get", 65530, 100), "EFAULT");
    }

    @Test
    void procAndSocketCalls() {
        Guest g = new Guest(WasiConfig.builder().build());
        assertEquals(52, g.call("proc_raise", 9), "ENOSYS");
        assertEquals(0, g.call("sched_yield"));
        assertEquals(57, g.call("sock_shutdown", 1, 0), "stdout is not a socket");
        assertEquals(8, g.call("sock_shutdown", 3, 0), "nothing open at 3");
        assertEquals(57, g.call("sock_accept", 0, 0, g.alloc(4)));
        assertEquals(57, g.call("sock_send", 1, 0, 0, 0, g.alloc(4)));
        assertEquals(57, g.call("sock_recv", 0, 0, 0, 0, g.alloc(4), g.alloc(4)));
        WasiExitException exit = assertThrows(WasiExitException.class, () -> g.call("proc_exit", 3));
        assertEquals(3, exit.exitCode());
    }

    @Test
    void renumberAndCloseFollowTheTable() throws Exception {
        Guest g = guestWithDir();
        int out = g.alloc(4);
        assertEquals(0, g.open(3, 0, "b.txt", 0, 2, 0, out));
        int fd = g.i32(out);
        assertEquals(4, fd, "lowest free number");
        assertEquals(0, g.call("fd_renumber", fd, 1));
        assertEquals(8, g.call("fd_close", fd));
        assertEquals(8, g.call("fd_renumber", 1, 9), "the target must be open");
        int st = g.alloc(24);
        assertEquals(0, g.call("fd_fdstat_get", 1, st));
        assertEquals(4, g.memory.readByte(st), "fd 1 is now the file");
        assertEquals(0, g.call("fd_close", 3), "a preopen can be closed");
        assertEquals(8, g.call("fd_fdstat_get", 3, st));
    }
}
