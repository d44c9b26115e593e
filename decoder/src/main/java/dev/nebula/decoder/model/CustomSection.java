package dev.nebula.decoder.model;

/** A custom section (spec 5.5.3): a name and the byte range of its payload in the module. */
public record CustomSection(String name, int payloadStart, int payloadLength) {
}
