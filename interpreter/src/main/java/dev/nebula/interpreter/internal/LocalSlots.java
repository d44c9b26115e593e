package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;

import java.util.List;

/**
 * Where each local of a function lives in its frame: a v128 local takes two slots (low half
 * first), every other local one. Without v128 locals, local {@code i} is slot {@code i}; otherwise
 * the slot is found by binary search over the declaration runs, so a body declaring millions of
 * locals costs nothing per local here either.
 */
final class LocalSlots {

    /** Per run (each parameter is a run of one): its first local index, its first slot, its type. */
    private final long[] firstLocal;
    private final long[] firstSlot;
    private final ValType[] types;
    private final boolean anyV128;
    private final long slotCount;

    LocalSlots(List<ValType> params, FunctionBody body) {
        int runs = params.size() + body.localRunCount();
        firstLocal = new long[runs];
        firstSlot = new long[runs];
        types = new ValType[runs];
        long local = 0;
        long slot = 0;
        boolean wide = false;
        for (int r = 0; r < runs; r++) {
            boolean param = r < params.size();
            ValType t = param ? params.get(r) : body.localRunType(r - params.size());
            long length = param ? 1 : body.localRunLength(r - params.size());
            firstLocal[r] = local;
            firstSlot[r] = slot;
            types[r] = t;
            wide |= t == ValType.V128;
            local += length;
            slot += t == ValType.V128 ? 2 * length : length;
        }
        anyV128 = wide;
        slotCount = slot;
    }

    /** Slots all parameters and locals take together. */
    long slotCount() {
        return slotCount;
    }

    /** The (first) slot of local {@code local}. */
    int slot(int local) {
        if (!anyV128) return local;
        int r = run(local);
        long inRun = local - firstLocal[r];
        return (int) (firstSlot[r] + (types[r] == ValType.V128 ? 2 * inRun : inRun));
    }

    boolean isV128(int local) {
        return anyV128 && types[run(local)] == ValType.V128;
    }

    private int run(int local) {
        int lo = 0;
        int hi = firstLocal.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstLocal[mid] <= local) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
