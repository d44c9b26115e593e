package dev.nebula.validator;

import dev.nebula.decoder.model.DecodedModule;

/**
 * A module that passed validation (spec chapter 3), with the one fact per defined function that
 * both engines size their frames by: the deepest operand stack. Engines resolve branches, block
 * types and locals in their own single pass over the code (they need the block types at each
 * branch anyway), so validation keeps no branch side table for them.
 */
public final class ValidatedModule {

    private final DecodedModule module;
    private final int[] maxStackHeights;

    ValidatedModule(DecodedModule module, int[] maxStackHeights) {
        this.module = module;
        this.maxStackHeights = maxStackHeights;
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
        return maxStackHeights[functionIndex - module.importedFunctionCount()];
    }
}
