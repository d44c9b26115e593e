package dev.nebula.decoder.testkit;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.wasm.MalformedModuleException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on decoder outcomes that name the spec message and the byte offset of a failure. */
public final class DecoderAssertions {

    private DecoderAssertions() {
    }

    /** Decodes bytes that must be well-formed, failing with the decoder's message otherwise. */
    public static DecodedModule decodes(byte[] module) {
        try {
            return ModuleDecoder.decode(module);
        } catch (MalformedModuleException e) {
            return fail("expected a well-formed module, got: " + e.getMessage() + "\nbytes: " + Hex.abbreviated(module), e);
        }
    }

    /** Asserts that decoding fails with exactly the spec message {@code specMessage}. */
    public static MalformedModuleException assertMalformed(byte[] module, String specMessage) {
        return assertMalformed(() -> ModuleDecoder.decode(module), specMessage);
    }

    /** Asserts the spec message and the byte offset the decoder reports. */
    public static MalformedModuleException assertMalformed(byte[] module, String specMessage, long offset) {
        MalformedModuleException e = assertMalformed(module, specMessage);
        assertEquals(offset, e.offset(), () -> "offset of '" + specMessage + "'; message: " + e.getMessage());
        return e;
    }

    /** Asserts that {@code action} fails with a malformed-module error carrying {@code specMessage}. */
    public static MalformedModuleException assertMalformed(Executable action, String specMessage) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, action);
        assertEquals(specMessage, e.specMessage(), () -> "full message: " + e.getMessage());
        return e;
    }

    /** As {@link #assertMalformed(Executable, String)}, and at the byte offset {@code offset}. */
    public static MalformedModuleException assertMalformed(Executable action, String specMessage, long offset) {
        MalformedModuleException e = assertMalformed(action, specMessage);
        assertEquals(offset, e.offset(), () -> "offset of '" + specMessage + "'; message: " + e.getMessage());
        return e;
    }
}
