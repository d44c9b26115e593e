package dev.nebula.decoder.model;

/** A global type: a value type and whether it is mutable (spec 2.3.10, binary 5.3.10). */
public record GlobalType(ValType valType, boolean mutable) implements ImportDescriptor {
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }

    @Override
    public String toString() {
        return mutable ? "(mut " + valType + ")" : valType.toString();
    }
}
