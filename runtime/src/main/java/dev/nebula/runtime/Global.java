package dev.nebula.runtime;

import dev.nebula.decoder.model.GlobalType;

/**
 * A global variable (spec 4.2.10). Its value is a {@code long} as described in {@link Values};
 * references are store handles.
 */
public final class Global implements Extern {

    private final GlobalType type;
    private long value;

    public Global(GlobalType type, long initialValue) {
        this.type = type;
        this.value = initialValue;
    }

    public GlobalType type() {
        return type;
    }

    public long get() {
        return value;
    }

    /** Sets the value of a mutable global; an immutable one never changes (spec 4.4.5 global.set). */
    public void set(long newValue) {
        if (!type.mutable()) throw new IllegalStateException("global is immutable");
        value = newValue;
    }
}
