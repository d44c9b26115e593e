package dev.nebula.decoder.model;

/** The four kinds of importable and exportable entities (spec 2.5.10, binary 5.5.5, 5.5.10). */
public enum ExternKind {
    FUNC, TABLE, MEMORY, GLOBAL;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
