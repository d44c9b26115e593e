package dev.nebula.aot.internal;

import java.util.Arrays;

/**
 * The addresses already checked against the memory's limit within one straight run of Wasm code,
 * so that a later access through the same address needs no check of its own: the list walks of
 * CoreMark's list function load and store through one pointer ({@code p->next = prev} after
 * {@code next = p->next}), and C2 kept both {@code Objects.checkIndex} tests (bench/RESULTS.md,
 * "CoreMark's list walks: one bounds check per address").
 *
 * <p>Why it is sound (spec 4.4.7, memory instructions: an access traps when
 * {@code base + offset + size} exceeds the memory's size): an access that passed its checks proved
 * {@code base >= 0} and {@code base + offset + size <= size}. A memory's size never shrinks (spec
 * 4.2.8: {@code memory.grow} only adds pages), so a later access through the same base value with
 * {@code offset' + size' <= offset + size} is in bounds too and cannot trap; it reads or writes
 * exactly what the checked form would. Only values known to be the same are related: an address
 * pushed by {@code local.get x} (or {@code local.tee x}) while {@code x} was not written since,
 * within a run without a join, so the order of compilation is the order of execution: every
 * instruction that can start or end a basic block, make a call (a callee compiled in line has
 * locals of its own) or leave this method forgets everything ({@link #forget}), and writing
 * {@code x} forgets what was known of it ({@link #localWritten}).
 * {@code -Dnebula.aot.memory.reuseChecks=false} (read once) checks every access again.
 */
final class CheckedAddresses {

    /** Whether checks are reused at all; on by default (measured in bench/RESULTS.md, as above). */
    static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("nebula.aot.memory.reuseChecks", "true"));

    /** Per operand-stack height: the local whose current value that operand is, or -1. */
    private int[] origins = new int[32];
    /** Per local: the highest {@code offset + size} checked through its current value in this run, 0 for none. */
    private int[] checkedEnd = new int[16];
    /** The locals with a non-zero {@link #checkedEnd}, to forget them without a pass over all. */
    private int[] known = new int[8];
    private int knownCount;

    /** An operand was pushed at {@code height}; what it is, is unknown. */
    void pushed(int height) {
        if (height >= origins.length) origins = Arrays.copyOf(origins, Math.max(height + 1, origins.length * 2));
        origins[height] = -1;
    }

    /** The operand at {@code height} is the current value of {@code local} (an i32). */
    void isLocal(int height, int local) {
        origins[height] = local;
    }

    /** {@code local} was written: operands read from it before are no longer its value. */
    void localWritten(int local, int sp) {
        for (int i = 0; i < sp; i++) {
            if (origins[i] == local) origins[i] = -1;
        }
        if (local < checkedEnd.length) checkedEnd[local] = 0;
    }

    /** A join, branch, call or method boundary: nothing is known any more. */
    void forget(int sp) {
        Arrays.fill(origins, 0, Math.min(sp, origins.length), -1);
        for (int i = 0; i < knownCount; i++) checkedEnd[known[i]] = 0;
        knownCount = 0;
    }

    /** Whether {@code size} bytes at {@code offset} from the operand at {@code height} are known to lie within the memory. */
    boolean inBounds(int height, long offset, int size) {
        if (!ENABLED) return false;
        int local = origins[height];
        return local >= 0 && local < checkedEnd.length && offset + size <= checkedEnd[local];
    }

    /** The access of {@code size} bytes at {@code offset} from the operand at {@code height} passed its checks. */
    void checked(int height, long offset, int size) {
        int local = origins[height];
        long end = offset + size;
        if (local < 0 || end > Integer.MAX_VALUE) return;
        if (local >= checkedEnd.length) checkedEnd = Arrays.copyOf(checkedEnd, Math.max(local + 1, checkedEnd.length * 2));
        if (checkedEnd[local] == 0) {
            if (knownCount == known.length) known = Arrays.copyOf(known, knownCount * 2);
            known[knownCount++] = local;
        }
        checkedEnd[local] = (int) Math.max(checkedEnd[local], end);
    }
}
