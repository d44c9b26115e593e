package dev.nebula.runtime;

import dev.nebula.decoder.model.ValType;

import java.util.List;

/**
 * How many {@code long}s Wasm values take where they cross the embedding API and engine slots: one
 * for every type except v128, which takes two, low half first (see {@link Values}).
 */
public final class ValueSlots {

    private ValueSlots() {
    }

    /** The longs one value of {@code type} takes. */
    public static int of(ValType type) {
        return type == ValType.V128 ? 2 : 1;
    }

    /**
     * Where value {@code index} of {@code types} starts in a {@code long[]} of those values: the
     * slot a host function reads parameter {@code index} from, e.g. with {@link V128#readFrom}.
     */
    public static int offset(List<ValType> types, int index) {
        return count(types.subList(0, index));
    }

    /** The longs the values of {@code types} take, in order. */
    public static int count(List<ValType> types) {
        int n = 0;
        for (ValType t : types) n += of(t);
        return n;
    }
}
