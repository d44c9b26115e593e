package dev.nebula.wasi.internal;

/**
 * One entry of an {@code iovec_array} / {@code ciovec_array} (witx {@code $iovec}: 8 bytes,
 * {@code buf: u32} at 0 and {@code buf_len: u32} at 4).
 */
public record Iovec(int buf, int length) {

    public static final int SIZE = 8;

    /**
     * Reads {@code count} iovecs at {@code pointer} and checks that every buffer lies in memory
     * before any I/O happens, so that a bad buffer fails with EFAULT without having consumed input.
     */
    public static Iovec[] readAll(GuestMemory memory, int pointer, int count) {
        long n = count & 0xFFFFFFFFL;
        memory.check(pointer, n * SIZE);
        Iovec[] result = new Iovec[(int) n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            int at = pointer + i * SIZE;
            Iovec v = new Iovec(memory.readInt(at), memory.readInt(at + 4));
            memory.check(v.buf, v.length & 0xFFFFFFFFL);
            total += v.length & 0xFFFFFFFFL;
            result[i] = v;
        }
        // The total must fit the u32 size result (witx $size); POSIX says EINVAL past SSIZE_MAX.
        if (total > Integer.MAX_VALUE) throw new WasiError(Errno.INVAL);
        return result;
    }

    public static long totalLength(Iovec[] iovs) {
        long total = 0;
        for (Iovec v : iovs) total += v.length & 0xFFFFFFFFL;
        return total;
    }
}
