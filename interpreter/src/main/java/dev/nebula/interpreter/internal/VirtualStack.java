package dev.nebula.interpreter.internal;

import java.util.Arrays;

/**
 * The operand stack at translation time. Validation fixed the height at every instruction, so
 * operand position {@code p} always lives in frame slot {@code localCount + p} (its canonical
 * slot). An entry is either there already ({@link #SLOT}), or still virtual: a {@code local.get}
 * not yet copied ({@link #LOCAL}, the value is in that local's slot) or a constant not yet written
 * ({@link #CONST}). Virtual entries let an instruction read a local or constant directly instead
 * of after a copy; the translator writes them to their canonical slots ("materialises" them)
 * whenever a later instruction could no longer find them: before the local is overwritten, at
 * labels, and for call arguments.
 */
final class VirtualStack {

    static final byte SLOT = 0;
    static final byte LOCAL = 1;
    static final byte CONST = 2;

    private final int localCount;
    private byte[] kinds = new byte[16];
    private long[] values = new long[16];
    private int height;
    private int maxHeight;
    /** Number of LOCAL and CONST entries, so that "is anything virtual?" costs nothing. */
    private int virtuals;

    VirtualStack(int localCount) {
        this.localCount = localCount;
    }

    int height() {
        return height;
    }

    int maxHeight() {
        return maxHeight;
    }

    int virtuals() {
        return virtuals;
    }

    /** The canonical slot of operand position {@code p}. */
    int slot(int p) {
        return localCount + p;
    }

    byte kind(int p) {
        return kinds[p];
    }

    /** The local index of a LOCAL entry, or the bits of a CONST entry. */
    long value(int p) {
        return values[p];
    }

    /** Pushes a value that the next instruction writes to its canonical slot; returns that slot. */
    int pushSlot() {
        return slot(push(SLOT, 0));
    }

    void pushLocal(int local) {
        push(LOCAL, local);
    }

    void pushConst(long bits) {
        push(CONST, bits);
    }

    private int push(byte kind, long value) {
        if (height == kinds.length) {
            kinds = Arrays.copyOf(kinds, height * 2);
            values = Arrays.copyOf(values, height * 2);
        }
        kinds[height] = kind;
        values[height] = value;
        if (kind != SLOT) virtuals++;
        if (++height > maxHeight) maxHeight = height;
        return height - 1;
    }

    void pop() {
        height--;
        if (kinds[height] != SLOT) virtuals--;
    }

    void pop(int n) {
        for (int i = 0; i < n; i++) pop();
    }

    /** Records that entry {@code p} now sits in its canonical slot. */
    void settle(int p) {
        if (kinds[p] != SLOT) {
            kinds[p] = SLOT;
            virtuals--;
        }
    }

    /** Turns the top entry (in its canonical slot) into a reference to {@code local}, which holds the same value. */
    void retargetTop(int local) {
        int p = height - 1;
        if (kinds[p] == SLOT) virtuals++;
        kinds[p] = LOCAL;
        values[p] = local;
    }

    /** Whether an entry below {@code limit} still waits to read {@code local}. */
    boolean refersTo(int local, int limit) {
        if (virtuals == 0) return false;
        for (int p = 0; p < limit; p++) {
            if (kinds[p] == LOCAL && values[p] == local) return true;
        }
        return false;
    }

    /** After a label, every value is in its canonical slot: the height is {@code newHeight}, all settled. */
    void resetTo(int newHeight) {
        while (height < newHeight) push(SLOT, 0);
        height = newHeight;
        Arrays.fill(kinds, 0, height, SLOT);
        virtuals = 0;
    }
}
