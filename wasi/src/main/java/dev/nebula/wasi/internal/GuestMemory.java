package dev.nebula.wasi.internal;

import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling instance's linear memory, seen through guest pointers. Every access goes through
 * the runtime's bounds-checked {@link Memory} methods, but is checked here first so that a bad
 * pointer becomes {@link Errno#FAULT} (preview1's "bad address") instead of a trap: the spec lets
 * a call fail with EFAULT, and a program gets to see the error as POSIX would report it.
 *
 * <p>Pointers and lengths are unsigned 32-bit values carried in Java ints.
 */
public final class GuestMemory {

    private final Memory memory;
    /** The calling instance's store, or null for a call from the embedder; see {@link #checkInterrupted()}. */
    private final Store store;

    public GuestMemory(Memory memory) {
        this(memory, null);
    }

    public GuestMemory(Memory memory, Store store) {
        this.memory = memory;
        this.store = store;
    }

    /**
     * Traps with {@code INTERRUPTED} when the guest's store is past its deadline. Engines poll at
     * branches and calls, which a guest blocked inside a host call never reaches; a call that
     * waits (poll_oneoff) polls here between its slices of sleep instead.
     */
    public void checkInterrupted() {
        if (store != null) store.checkInterrupted();
    }

    /** Fails with EFAULT unless {@code [pointer, pointer + length)} lies inside memory. */
    public void check(int pointer, long length) {
        if (memory == null) throw new WasiError(Errno.FAULT);
        long end = (pointer & 0xFFFFFFFFL) + length;
        if (length < 0 || end > (long) memory.pages() * Memory.PAGE_SIZE) throw new WasiError(Errno.FAULT);
    }

    public byte readByte(int pointer) {
        check(pointer, 1);
        return memory.readByte(pointer);
    }

    public short readShort(int pointer) {
        check(pointer, 2);
        return memory.readShort(pointer);
    }

    public int readInt(int pointer) {
        check(pointer, 4);
        return memory.readInt(pointer);
    }

    public long readLong(int pointer) {
        check(pointer, 8);
        return memory.readLong(pointer);
    }

    public void writeByte(int pointer, int value) {
        check(pointer, 1);
        memory.writeByte(pointer, (byte) value);
    }

    public void writeShort(int pointer, int value) {
        check(pointer, 2);
        memory.writeShort(pointer, (short) value);
    }

    public void writeInt(int pointer, int value) {
        check(pointer, 4);
        memory.writeInt(pointer, value);
    }

    public void writeLong(int pointer, long value) {
        check(pointer, 8);
        memory.writeLong(pointer, value);
    }

    public byte[] read(int pointer, int length) {
        check(pointer, length & 0xFFFFFFFFL);
        return memory.read(pointer, length);
    }

    public void write(int pointer, byte[] data) {
        write(pointer, data, 0, data.length);
    }

    public void write(int pointer, byte[] data, int offset, int length) {
        check(pointer, length);
        memory.write(pointer, offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Linux's PATH_MAX: a longer path is ENAMETOOLONG, before any of it is copied. */
    public static final int PATH_MAX = 4096;

    /**
     * A path (or link target) argument: UTF-8 as preview1 requires (witx {@code string}). An
     * interior NUL is refused with EINVAL because no host path can hold one, bytes that are not
     * UTF-8 with EILSEQ, and more than {@link #PATH_MAX} bytes with ENAMETOOLONG.
     */
    public String readPath(int pointer, int length) {
        check(pointer, length & 0xFFFFFFFFL);
        if ((length & 0xFFFFFFFFL) > PATH_MAX) throw new WasiError(Errno.NAMETOOLONG);
        byte[] bytes = read(pointer, length);
        for (byte b : bytes) if (b == 0) throw new WasiError(Errno.INVAL);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }
}
