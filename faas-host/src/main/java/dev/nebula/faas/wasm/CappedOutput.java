package dev.nebula.faas.wasm;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A function's stdout or stderr: kept in memory up to a cap. The first write that would pass the
 * cap keeps what fits, marks the stream exceeded, runs the stop action (which interrupts the
 * guest, so a flood ends at once instead of at the timeout) and fails with an I/O error, which
 * WASI hands the guest as an errno. Used by one guest thread at a time.
 */
final class CappedOutput extends OutputStream {

    private final String name;
    private final long cap;
    private final Runnable onExceeded;
    private byte[] buffer = new byte[256];
    private int size;
    private boolean exceeded;

    CappedOutput(String name, long cap, Runnable onExceeded) {
        this.name = name;
        this.cap = cap;
        this.onExceeded = onExceeded;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (exceeded) throw new IOException(name + " is over its limit of " + cap + " bytes");
        long room = cap - size;
        int kept = (int) Math.min(room, length);
        ensureCapacity(size + kept);
        System.arraycopy(bytes, offset, buffer, size, kept);
        size += kept;
        if (kept < length) {
            exceeded = true;
            onExceeded.run();
            throw new IOException(name + " is over its limit of " + cap + " bytes");
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(needed, (int) Math.min(cap, buffer.length * 2L)));
    }

    boolean exceeded() {
        return exceeded;
    }

    String name() {
        return name;
    }

    long cap() {
        return cap;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
