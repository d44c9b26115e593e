package dev.nebula.wasi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A standard stream backed by a Java stream: a terminal, a pipe, or whatever the embedder
 * passed. Not seekable. Output is flushed after every {@code fd_write}, because the guest's libc
 * already buffers as the reported filetype tells it to; buffering twice would reorder stdout and
 * stderr and lose output at a crash. The Java streams belong to the embedder and are never closed.
 */
public final class StreamDescriptor extends Descriptor {

    private final InputStream in;
    private final OutputStream out;
    private final int filetype;

    private StreamDescriptor(InputStream in, OutputStream out, int filetype, long rights) {
        super(rights, 0, 0);
        this.in = in;
        this.out = out;
        this.filetype = filetype;
    }

    public static StreamDescriptor input(InputStream in, int filetype) {
        return new StreamDescriptor(in, null, filetype, Rights.STREAM & ~Rights.FD_WRITE);
    }

    public static StreamDescriptor output(OutputStream out, int filetype) {
        return new StreamDescriptor(null, out, filetype, Rights.STREAM & ~Rights.FD_READ);
    }

    @Override
    public int filetype() {
        return filetype;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (in == null) throw new WasiError(Errno.BADF);
        if (length == 0) return 0;
        int n = in.read(buffer, offset, length);
        return Math.max(n, 0);
    }

    @Override
    public int write(byte[] buffer, int offset, int length) throws IOException {
        if (out == null) throw new WasiError(Errno.BADF);
        out.write(buffer, offset, length);
        out.flush();
        return length;
    }

    @Override
    public long readableBytes() throws IOException {
        return in == null ? 0 : in.available();
    }

    @Override
    public boolean readReady() throws IOException {
        return in == null || in.available() > 0;
    }

    @Override
    public void sync(boolean dataOnly) throws IOException {
        flush();
    }

    @Override
    public void flush() throws IOException {
        if (out != null) out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
