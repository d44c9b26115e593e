package dev.nebula.decoder.model;

/** One entry of the import section (spec 2.5.11, binary 5.5.5). */
public record Import(String module, String name, ImportDescriptor descriptor) {
    public ExternKind kind() {
        return descriptor.kind();
    }
}
