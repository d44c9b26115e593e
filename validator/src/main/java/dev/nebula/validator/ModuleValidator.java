package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.wasm.InvalidModuleException;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a decoded module (spec chapter 3): module-level rules and every function body.
 * Throws {@link InvalidModuleException} with the spec's message for the first rule broken.
 */
public final class ModuleValidator {

    private ModuleValidator() {
    }

    public static ValidatedModule validate(DecodedModule module) {
        List<FunctionFacts> facts = new ArrayList<>();
        // WORK IN PROGRESS: the rules land in the next commit.
        return new ValidatedModule(module, facts);
    }
}
