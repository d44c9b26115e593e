package dev.nebula.runtime;

import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.ValType;

/**
 * A global variable (spec 4.2.10). Its value is a {@code long} as described in {@link Values};
 * references are store handles. A v128 global holds two longs: {@link #get()} is the low half
 * (lanes 0.. from its lowest bits) and {@link #getHigh()} the high half; every other type's high
 * half is 0.
 */
public final class Global implements Extern {

    private final GlobalType type;
    /** Whether {@link #set} may change the value: mutable and not a v128. One field, read with the value, so that compiled code's set costs one test. */
    private final boolean settable;
    private long value;
    private long high;

    public Global(GlobalType type, long initialValue) {
        this(type, initialValue, 0);
    }

    /** A global with a 128-bit initial value, low half first (only a v128 global has a high half). */
    public Global(GlobalType type, long initialLow, long initialHigh) {
        if (initialHigh != 0 && type.valType() != ValType.V128) {
            throw new IllegalArgumentException("only a v128 global has a high half");
        }
        this.type = type;
        this.settable = type.mutable() && type.valType() != ValType.V128;
        this.value = initialLow;
        this.high = initialHigh;
    }

    public GlobalType type() {
        return type;
    }

    /** The value; for a v128, its low 64 bits. */
    public long get() {
        return value;
    }

    /** The high 64 bits of a v128 global; 0 for every other type. */
    public long getHigh() {
        return high;
    }

    /** Sets the value of a mutable global; an immutable one never changes (spec 4.4.5 global.set). */
    public void set(long newValue) {
        if (!settable) {
            if (!type.mutable()) throw new IllegalStateException("global is immutable");
            throw new IllegalStateException("a v128 global is set with setV128");
        }
        value = newValue;
    }

    /** Sets a mutable v128 global, low half first. */
    public void setV128(long low, long highHalf) {
        if (!type.mutable()) throw new IllegalStateException("global is immutable");
        if (type.valType() != ValType.V128) throw new IllegalStateException("not a v128 global: " + type);
        value = low;
        high = highHalf;
    }
}
