package dev.nebula.decoder.model;

/**
 * Limits of a memory or table (spec 2.3.7, binary 5.3.7). {@code max} is meaningful only when
 * {@code hasMax}; both are kept as unsigned 32-bit values in a long.
 */
public record Limits(long min, long max, boolean hasMax) {

    public static Limits of(long min) {
        return new Limits(min, 0, false);
    }

    public static Limits of(long min, long max) {
        return new Limits(min, max, true);
    }

    @Override
    public String toString() {
        return hasMax ? "{min " + min + ", max " + max + "}" : "{min " + min + "}";
    }
}
