package dev.nebula.validator;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.decoder.testkit.TypedOutcome;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;

import java.util.List;

/**
 * The pipeline an embedder runs on untrusted bytes: decode, then validate. Its only acceptable
 * outcomes are a validated module, a malformed-module error or an invalid-module error.
 */
final class DecodeThenValidate {

    private DecodeThenValidate() {
    }

    static TypedOutcome.Outcome outcomeOf(byte[] bytes) {
        return TypedOutcome.of(bytes, b -> ModuleValidator.validate(ModuleDecoder.decode(b)),
                List.of(MalformedModuleException.class, InvalidModuleException.class));
    }
}
