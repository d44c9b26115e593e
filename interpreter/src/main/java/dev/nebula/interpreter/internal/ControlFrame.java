package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.ValueSlots;

import java.util.Arrays;
import java.util.List;

/**
 * A block, loop, if or the function body while it is being translated (the control stack of
 * spec 4.4.8, at translation time): where its label's values live, where a branch to it jumps, and
 * the jumps still waiting for that address.
 */
final class ControlFrame {

    static final int BLOCK = 0;
    static final int LOOP = 1;
    static final int IF = 2;
    static final int ELSE = 3;
    static final int FUNCTION = 4;

    int kind;
    /** Operand-stack height below the block's parameters; the label's values go to the slots from here. */
    int base;
    /** Slots the parameters and results take (a v128 takes two), and their types. */
    int params;
    int results;
    List<ValType> paramTypes;
    List<ValType> resultTypes;
    /** A loop's start (the target of branches to it); -1 for other frames, which are patched at end. */
    int target;
    /** Position of the if's jump-when-false operand, waiting for the else or end; -1 when none. */
    int elseFixup;
    /** Whether code before the frame could run; inside a dead frame nothing is emitted. */
    boolean reachableAtEntry;
    private int[] fixups = new int[4];
    private int fixupCount;

    void reset(int kind, int base, List<ValType> paramTypes, List<ValType> resultTypes, boolean reachableAtEntry) {
        this.kind = kind;
        this.base = base;
        this.paramTypes = paramTypes;
        this.resultTypes = resultTypes;
        this.params = ValueSlots.count(paramTypes);
        this.results = ValueSlots.count(resultTypes);
        this.reachableAtEntry = reachableAtEntry;
        this.target = -1;
        this.elseFixup = -1;
        this.fixupCount = 0;
    }

    /** Slots of the values a branch to this label carries (spec 4.4.8: a loop's label takes its parameters). */
    int arity() {
        return kind == LOOP ? params : results;
    }

    void addFixup(int position) {
        if (fixupCount == fixups.length) fixups = Arrays.copyOf(fixups, fixupCount * 2);
        fixups[fixupCount++] = position;
    }

    /** Writes {@code address} into every jump that waited for this frame's end. */
    void patchFixups(int[] code, int address) {
        for (int i = 0; i < fixupCount; i++) code[fixups[i]] = address;
        fixupCount = 0;
    }
}
