package dev.nebula.faas.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads one of a process's output streams to its end on a thread of its own (so the process never
 * blocks on a full pipe), keeping at most {@code cap} bytes. Past the cap it calls
 * {@code onOverflow} once, and keeps reading and dropping.
 */
final class BoundedCapture implements Runnable {

    private final InputStream in;
    private final int cap;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean overflowed;
    private volatile IOException failure;

    BoundedCapture(InputStream in, int cap, Runnable onOverflow) {
        this.in = in;
        this.cap = cap;
        this.onOverflow = onOverflow;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int room = cap - kept.size();
                if (n > room) {
                    kept.write(buffer, 0, Math.max(room, 0));
                    if (!overflowed) {
                        overflowed = true;
                        onOverflow.run();
                    }
                } else {
                    kept.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    /** What was kept; call after the reading thread has ended. */
    byte[] bytes() {
        if (failure != null) throw new UncheckedIOException("reading the engine's output failed", failure);
        return kept.toByteArray();
    }
}
