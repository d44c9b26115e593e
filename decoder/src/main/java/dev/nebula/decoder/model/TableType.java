package dev.nebula.decoder.model;

/** A table type: limits and a reference element type (spec 2.3.9, binary 5.3.9). */
public record TableType(ValType elementType, Limits limits) implements ImportDescriptor {
    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
