package dev.nebula.decoder.model;

/** One entry of the export section (spec 2.5.10, binary 5.5.10). */
public record Export(String name, ExternKind kind, int index) {
}
