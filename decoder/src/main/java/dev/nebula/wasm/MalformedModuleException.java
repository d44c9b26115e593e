package dev.nebula.wasm;

/**
 * The bytes are not a module in the binary format (spec chapter 5): the decoder stopped at
 * {@link #offset()}. The {@link #specMessage()} is the phrase the spec suite expects in
 * {@code assert_malformed}, such as "unexpected end" or "integer too large".
 */
public final class MalformedModuleException extends WasmException {

    private final long offset;

    public MalformedModuleException(String specMessage, long offset) {
        this(specMessage, offset, null);
    }

    public MalformedModuleException(String specMessage, long offset, String context) {
        super(specMessage, context == null ? "at byte offset " + offset : context + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the module where decoding failed. */
    public long offset() {
        return offset;
    }
}
