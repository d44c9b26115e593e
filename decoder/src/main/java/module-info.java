/**
 * The binary format: the immutable module model, the one {@code Opcode} table every stage
 * shares, the decoder, and the error family of every stage ({@code dev.nebula.wasm}).
 */
module dev.nebula.decoder {
    exports dev.nebula.wasm;
    exports dev.nebula.decoder;
    exports dev.nebula.decoder.model;
}
