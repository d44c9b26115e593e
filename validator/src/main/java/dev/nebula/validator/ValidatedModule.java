package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;

import java.util.List;

/**
 * A module that passed validation (spec chapter 3), with the facts each defined function needs to
 * run; or, from {@link #validatedBefore}, a module whose exact bytes passed validation earlier,
 * without those facts.
 */
public final class ValidatedModule {

    private final DecodedModule module;
    /** Null for a module {@link #validatedBefore validated before}: its facts were not kept. */
    private final List<FunctionFacts> functions;

    ValidatedModule(DecodedModule module, List<FunctionFacts> functions) {
        this.module = module;
        this.functions = functions == null ? null : List.copyOf(functions);
    }

    /**
     * A module whose exact bytes this same build of Nebula validated before, vouched for by the
     * caller, so that it is not validated again. Only for code compiled and stored earlier from
     * the validated module and found again by comparing the module bytes themselves (the AOT
     * engine's cache, RATIONALE.md "AOT start-up"): anything else must call
     * {@link ModuleValidator#validate}. The function facts are not available
     * ({@link #functions} and {@link #factsOf} throw): such code needs them no more.
     */
    public static ValidatedModule validatedBefore(DecodedModule module) {
        return new ValidatedModule(module, null);
    }

    public DecodedModule module() {
        return module;
    }

    /** Facts of the defined functions, in the order of the code section. */
    public List<FunctionFacts> functions() {
        if (functions == null) throw new IllegalStateException("the function facts of a module validated before are not kept");
        return functions;
    }

    /** Facts of the function at {@code functionIndex} in the whole function index space (imports first). */
    public FunctionFacts factsOf(int functionIndex) {
        return functions().get(functionIndex - module.importedFunctionCount());
    }
}
