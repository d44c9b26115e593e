package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;

import java.util.List;

/** A module that passed validation (spec chapter 3), with the facts each defined function needs to run. */
public final class ValidatedModule {

    private final DecodedModule module;
    private final List<FunctionFacts> functions;

    ValidatedModule(DecodedModule module, List<FunctionFacts> functions) {
        this.module = module;
        this.functions = List.copyOf(functions);
    }

    public DecodedModule module() {
        return module;
    }

    /** Facts of the defined functions, in the order of the code section. */
    public List<FunctionFacts> functions() {
        return functions;
    }

    /** Facts of the function at {@code functionIndex} in the whole function index space (imports first). */
    public FunctionFacts factsOf(int functionIndex) {
        return functions.get(functionIndex - module.importedFunctionCount());
    }
}
