package dev.nebula.wasi.internal;

/**
 * A preview1 {@code filestat} (witx {@code $filestat}, 64 bytes): dev u64 at 0, ino u64 at 8,
 * filetype u8 at 16, nlink u64 at 24, size u64 at 32, atim u64 at 40, mtim u64 at 48, ctim u64 at 56.
 */
public record Filestat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {

    public static final int SIZE = 64;

    /** A stat for something with no host file behind it, such as a stream. */
    public static Filestat ofType(int filetype) {
        return new Filestat(0, 0, filetype, 1, 0, 0, 0, 0);
    }

    public void write(GuestMemory memory, int pointer) {
        memory.check(pointer, SIZE);
        memory.writeLong(pointer, dev);
        memory.writeLong(pointer + 8, ino);
        memory.writeByte(pointer + 16, filetype);
        // Padding bytes 17..23 are zeroed so that no stale guest data looks like a field.
        for (int i = 17; i < 24; i++) memory.writeByte(pointer + i, 0);
        memory.writeLong(pointer + 24, nlink);
        memory.writeLong(pointer + 32, size);
        memory.writeLong(pointer + 40, atim);
        memory.writeLong(pointer + 48, mtim);
        memory.writeLong(pointer + 56, ctim);
    }
}
