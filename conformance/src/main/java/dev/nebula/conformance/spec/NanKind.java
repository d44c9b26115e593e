package dev.nebula.conformance.spec;

/**
 * The two NaN patterns an expected float may be instead of exact bits (spec test conventions):
 * a canonical NaN has only the top mantissa bit set; an arithmetic NaN has at least that bit set.
 * Either sign passes.
 */
public enum NanKind {
    CANONICAL("nan:canonical"),
    ARITHMETIC("nan:arithmetic");

    private final String text;

    NanKind(String text) {
        this.text = text;
    }

    /** The NaN kind written as {@code text} by wast2json, or null if the text is not one. */
    static NanKind fromText(String text) {
        for (NanKind k : values()) if (k.text.equals(text)) return k;
        return null;
    }

    /** True when the float of {@code bitWidth} 32 or 64 with bits {@code bits} matches this pattern. */
    public boolean matches(long bits, int bitWidth) {
        // All exponent bits and the top ("quiet") mantissa bit.
        long exponentAndQuiet = bitWidth == 32 ? 0x7FC0_0000L : 0x7FF8_0000_0000_0000L;
        long magnitude = bits & (bitWidth == 32 ? 0x7FFF_FFFFL : 0x7FFF_FFFF_FFFF_FFFFL);
        return switch (this) {
            case CANONICAL -> magnitude == exponentAndQuiet;
            case ARITHMETIC -> (magnitude & exponentAndQuiet) == exponentAndQuiet;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
