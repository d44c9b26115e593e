package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.ValType;

import java.util.Arrays;
import java.util.List;

/**
 * The operand stack at translation time. Validation fixed the height at every instruction, so
 * operand position {@code p} always lives in frame slot {@code localCount + p} (its canonical
 * slot). An entry is either there already ({@link #SLOT}), or still virtual: a {@code local.get}
 * not yet copied ({@link #LOCAL}, the value is in that local's slot) or a constant not yet written
 * ({@link #CONST}). Virtual entries let an instruction read a local or constant directly instead
 * of after a copy; the translator writes them to their canonical slots ("materialises" them)
 * whenever a later instruction could no longer find them: before the local is overwritten, at
 * labels, and for call arguments.
 *
 * <p>Positions count slots, not values: a v128 takes two consecutive positions, its low half
 * first, and the upper one is marked {@link #isHigh high}. Every generic move (copies to labels,
 * call arguments, results, materialising) then works on v128 halves unchanged, and only the
 * untyped {@code drop} and {@code select} need the mark to learn a value's width. So the frame's
 * operand area is this stack's {@link #maxHeight()}, in slots (the validator's
 * {@code maxStackHeight} counts a v128 once).
 */
final class VirtualStack {

    static final byte SLOT = 0;
    static final byte LOCAL = 1;
    static final byte CONST = 2;

    private final int localCount;
    private byte[] kinds = new byte[16];
    private long[] values = new long[16];
    private boolean[] high = new boolean[16];
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
        return slot(push(SLOT, 0, false));
    }

    /** Pushes a v128 that the next instruction writes to its two canonical slots; returns the low one. */
    int pushSlot128() {
        int lo = push(SLOT, 0, false);
        push(SLOT, 0, true);
        return slot(lo);
    }

    void pushLocal(int local) {
        push(LOCAL, local, false);
    }

    /** A v128 local: its halves are the local slots {@code local} and {@code local + 1}. */
    void pushLocal128(int local) {
        push(LOCAL, local, false);
        push(LOCAL, local + 1, true);
    }

    void pushConst(long bits) {
        push(CONST, bits, false);
    }

    void pushConst128(long lo, long hi) {
        push(CONST, lo, false);
        push(CONST, hi, true);
    }

    /** Whether position {@code p} holds the upper half of a v128. */
    boolean isHigh(int p) {
        return high[p];
    }

    private int push(byte kind, long value, boolean upper) {
        if (height == kinds.length) {
            kinds = Arrays.copyOf(kinds, height * 2);
            values = Arrays.copyOf(values, height * 2);
            high = Arrays.copyOf(high, height * 2);
        }
        kinds[height] = kind;
        values[height] = value;
        high[height] = upper;
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

    /**
     * After a label, every value is in its canonical slot: the stack is what lies below
     * {@code base} and then values of {@code types} (the label's), all settled.
     */
    void resetTo(int base, List<ValType> types) {
        height = base;
        Arrays.fill(kinds, 0, height, SLOT);
        virtuals = 0;
        for (ValType t : types) {
            if (t == ValType.V128) pushSlot128();
            else pushSlot();
        }
    }
}
