package dev.nebula.decoder.model;

/** A memory type: limits in 64 KiB pages (spec 2.3.8, binary 5.3.8). */
public record MemoryType(Limits limits) implements ImportDescriptor {
    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
