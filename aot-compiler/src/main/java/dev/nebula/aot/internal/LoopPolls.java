package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which loops of a function must poll interruption at their header. Compiled code polls so that
 * no run goes on unboundedly without looking at the flag; a loop's header poll is redundant when
 * every iteration already calls a function that polls on entry. That holds when, directly in the
 * loop's body (not inside a nested block, if or loop, which a branch could skip), there is a
 * {@code call} to such a function before any branch that can go back to the loop's header: every
 * path from the header back to it passes that call. Recursive {@code fib}, whose clang-made loop
 * calls {@code fib} once per iteration, then polls once per call instead of twice. A loop that
 * no branch targets does not repeat, and needs no poll either.
 */
final class LoopPolls {

    private LoopPolls() {
    }

    /**
     * Offsets of the {@code loop} instructions of {@code function} that need a header poll, given
     * which functions poll on entry ({@code pollsOnEntry}, by function index).
     */
    static Set<Integer> of(DecodedModule module, int function, IntPredicate pollsOnEntry) {
        FunctionBody body = module.bodies().get(function - module.importedFunctionCount());
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        // the open blocks, innermost last: -1 for a block or if, else the loop's offset; and per
        // open loop whether it is decided (needs a poll, or is covered by a call)
        List<Integer> open = new ArrayList<>();
        List<Boolean> decided = new ArrayList<>();
        Set<Integer> polls = new HashSet<>();
        open.add(-1); // the function's own block
        decided.add(true);
        while (!open.isEmpty()) {
            Opcode op = r.next();
            switch (op) {
                case BLOCK, IF -> {
                    open.add(-1);
                    decided.add(true);
                }
                case LOOP -> {
                    open.add(r.instructionStart());
                    decided.add(false);
                }
                case END -> {
                    open.remove(open.size() - 1);
                    decided.remove(decided.size() - 1);
                }
                case BR, BR_IF -> backEdge(open, decided, polls, r.index());
                case BR_TABLE -> {
                    for (int i = 0; i <= r.labelCount(); i++) backEdge(open, decided, polls, r.label(i));
                }
                case CALL -> {
                    int top = open.size() - 1;
                    if (open.get(top) >= 0 && !decided.get(top) && pollsOnEntry.test(r.index())) decided.set(top, true);
                }
                default -> { }
            }
        }
        return polls;
    }

    /** A branch to {@code label}: if that is an undecided loop, its header is reached without a polling call. */
    private static void backEdge(List<Integer> open, List<Boolean> decided, Set<Integer> polls, int label) {
        int target = open.size() - 1 - label;
        if (open.get(target) >= 0 && !decided.get(target)) {
            decided.set(target, true);
            polls.add(open.get(target));
        }
    }
}
