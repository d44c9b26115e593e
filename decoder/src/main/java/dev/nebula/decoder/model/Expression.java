package dev.nebula.decoder.model;

/**
 * An expression kept as its byte range in the module (spec 2.4.9, binary 5.4.9): constant
 * expressions of globals and segments. {@code end} is just past the final {@code end} opcode.
 * Read it with {@code CodeReader} over {@link DecodedModule#bytes()}.
 */
public record Expression(int start, int end) {
}
