package dev.nebula.decoder.model;

/** An imported function, by the index of its type in the type section. */
public record FunctionImport(int typeIndex) implements ImportDescriptor {
    @Override
    public ExternKind kind() {
        return ExternKind.FUNC;
    }
}
