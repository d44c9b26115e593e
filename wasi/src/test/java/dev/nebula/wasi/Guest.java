package dev.nebula.wasi;

import dev.nebula.decoder.model.Limits;
import dev.nebula.runtime.Memory;

import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a guest program in unit tests: one page (or a few) of linear memory with a bump allocator,
 * and a {@link Wasi} to call preview1 functions on, the way compiled code would.
 */
final class Guest {

    final Memory memory;
    final Wasi wasi;
    private int next = 1024;

    Guest(WasiConfig config) {
        this(config, 1);
    }

    Guest(WasiConfig config, int pages) {
        this.memory = new Memory(Limits.of(pages), 16);
        this.wasi = new Wasi(config);
    }

    /** Calls a preview1 function and returns its errno. */
    int call(String function, long... args) {
        return wasi.call(function, memory, args);
    }

    /** Reserves {@code size} bytes, 8-aligned, and returns their address. */
    int alloc(int size) {
        int at = next;
        next = (next + size + 7) & ~7;
        return at;
    }

    /** Copies a UTF-8 string into memory (no NUL) and returns its address. */
    int string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int at = alloc(Math.max(b.length, 1));
        memory.write(at, b);
        return at;
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One iovec pointing at {@code data} copied into memory; returns the iovec's address. */
    int iovec(byte[] data) {
        int buf = alloc(Math.max(data.length, 1));
        memory.write(buf, data);
        int iov = alloc(8);
        memory.writeInt(iov, buf);
        memory.writeInt(iov + 4, data.length);
        return iov;
    }

    int i32(int address) {
        return memory.readInt(address);
    }

    long i64(int address) {
        return memory.readLong(address);
    }

    byte[] bytes(int address, int length) {
        return memory.read(address, length);
    }

    String text(int address, int length) {
        return new String(bytes(address, length), StandardCharsets.UTF_8);
    }

    /** path_open with the given flags, asking for every right; returns the errno, and the fd at {@code out}. */
    int open(int dirFd, int lookup, String path, int oflags, long rights, int fdflags, int out) {
        return call("path_open", dirFd, lookup, string(path), len(path), oflags, rights, rights, fdflags, out);
    }
}
