package dev.nebula.wasi.internal;

/** The {@code filetype} values of wasi_snapshot_preview1 (witx {@code $filetype}, an enum of u8). */
public final class Filetype {

    private Filetype() {
    }

    /** Anything else, such as a pipe: preview1 has no FIFO type. */
    public static final int UNKNOWN = 0;
    public static final int BLOCK_DEVICE = 1;
    public static final int CHARACTER_DEVICE = 2;
    public static final int DIRECTORY = 3;
    public static final int REGULAR_FILE = 4;
    public static final int SOCKET_DGRAM = 5;
    public static final int SOCKET_STREAM = 6;
    public static final int SYMBOLIC_LINK = 7;
}
