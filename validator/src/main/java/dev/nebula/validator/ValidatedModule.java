package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;

/**
 * A module that passed validation (spec chapter 3), with the one fact per defined function that
 * both engines size their frames by: the deepest operand stack. Engines resolve branches, block
 * types and locals in their own single pass over the code (they need the block types at each
 * branch anyway), so validation keeps no branch side table for them. From {@link #validatedBefore}:
 * a module whose exact bytes passed validation earlier, without that fact.
 */
public final class ValidatedModule {

    private final DecodedModule module;
    /** Null for a module {@link #validatedBefore validated before}: the heights were not kept. */
    private final int[] maxStackHeights;

    ValidatedModule(DecodedModule module, int[] maxStackHeights) {
        this.module = module;
        this.maxStackHeights = maxStackHeights;
    }

    /**
     * A module whose exact bytes this same build of Nebula validated before, vouched for by the
     * caller, so that it is not validated again. Only for code compiled and stored earlier from
     * the validated module and found again by comparing the module bytes themselves (the AOT
     * engine's cache, RATIONALE.md "AOT start-up"): anything else must call
     * {@link ModuleValidator#validate}. The stack heights are not available
     * ({@link #maxStackHeight} throws): such code needs them no more.
     */
    public static ValidatedModule validatedBefore(DecodedModule module) {
        return new ValidatedModule(module, null);
    }

    public DecodedModule module() {
        return module;
    }

    /**
     * The most operands ever on the stack of the function at {@code functionIndex} (in the whole
     * function index space, imports first; it must be a defined function), locals not included.
     * A v128 counts as one operand.
     */
    public int maxStackHeight(int functionIndex) {
        if (maxStackHeights == null) throw new IllegalStateException("the stack heights of a module validated before are not kept");
        return maxStackHeights[functionIndex - module.importedFunctionCount()];
    }
}
