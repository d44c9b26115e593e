package dev.nebula.decoder.model;

/**
 * Value types (spec 2.3, binary 5.3.1-5.3.3): number, vector and reference types, with the byte
 * that encodes each.
 */
public enum ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"),
    EXTERNREF(0x6F, "externref");

    private static final ValType[] BY_CODE = new ValType[128];

    static {
        for (ValType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    private final String text;

    ValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The encoding byte, e.g. 0x7F for i32. */
    public int code() {
        return code;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    /** The type encoded by {@code b}, or null when {@code b} encodes none. */
    public static ValType fromCode(int b) {
        return b >= 0 && b < BY_CODE.length ? BY_CODE[b] : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
