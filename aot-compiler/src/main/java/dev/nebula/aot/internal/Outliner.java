package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses which blocks and loops of a large function become methods of their own ("regions"), so
 * that every JVM method stays under HotSpot's 8,000-byte {@code HugeMethodLimit} (past which it is
 * never JIT-compiled) wherever the block structure allows, and always under the class file's
 * 64 KB limit. Bottom-up over the block tree: a block whose own code, plus its children's code
 * left inline, exceeds {@link #BUDGET} Wasm bytes outlines its largest children until it fits.
 * A hot inner loop thus tends to become one small method with its whole loop inside, which the
 * JIT compiles like any Java loop.
 */
final class Outliner {

    /**
     * Wasm code bytes per JVM method. Generated code is about three JVM bytes per Wasm byte
     * (measured on the sightglass programs: loads and stores are a static call plus operands),
     * so 2,000 keeps methods near 6 KB, under the 8,000-byte limit.
     */
    static final int BUDGET = Integer.getInteger("nebula.aot.outline.budget", 2_000);
    /**
     * A smaller budget for code that makes calls, in functions that also have a loop without
     * calls: past it, the largest blocks and loops with a calling loop inside, and outside every
     * loop of the function, become regions, so that the call-free loops stay in a method without
     * calls. The reason it exists is C2's register allocator: in a method with calls (every
     * register is caller-saved across a call that is not inlined) the values of a hot loop
     * elsewhere in the method were kept in stack slots and reloaded on every iteration.
     * CoreMark's list function (1,642 Wasm bytes: list walks without calls, then a merge sort
     * whose comparator calls) reversed its list with the loop-carried pointer stored to and
     * reloaded from the stack; with 1,000 here the merge sort becomes a region, the list function
     * takes 19 instead of 27 us per CoreMark iteration and CoreMark runs 1.20 times faster
     * (16,300 to 19,600-19,800 iterations/s of thread CPU). Only blocks outside loops: a region
     * is never inlined by C2 (too big), so one inside a loop is a real call plus its locals
     * stored to and reloaded from the frame array on every iteration; tinygo-regex's regexp
     * machine (function 114) got such regions in its per-character and per-thread loops and ran
     * 1.45 times slower (18.5 against 12.8 ms), and runs as before with them left out
     * (bench/RESULTS.md, "The call budget without regions in loops"). Set it to 2,000 (the
     * system property nebula.aot.outline.callBudget) to turn it off.
     */
    static final int CALL_BUDGET = Math.min(BUDGET, Integer.getInteger("nebula.aot.outline.callBudget", 1_000));
    /** What a region call costs its caller, in Wasm-byte equivalents (saving and reloading locals aside). */
    private static final int CALL_COST = 40;
    /**
     * Blocks smaller than this are not worth a method of their own. Both limits can be lowered
     * by system properties (nebula.aot.outline.budget, nebula.aot.outline.min) so that the tests
     * can push every block of the spec suite through the region machinery.
     */
    private static final int MIN_REGION = Integer.getInteger("nebula.aot.outline.min", 200);

    private static final class Node {
        final int start;
        final boolean outlinable;
        final List<Node> children = new ArrayList<>();
        /** Whether its code, nested blocks included, has a call or call_indirect. */
        boolean calls;
        /** Whether it is or has inside a loop whose code makes calls. */
        boolean callingLoop;
        boolean loop;
        /** Whether a loop of the function encloses it (its region would be called once per iteration). */
        boolean inLoop;
        int size;
        int residual;
        boolean outlined;
        /** For a block of a {@link SwitchNest}: the nest and the block's level in it. */
        SwitchNest nest;
        int level;

        Node(int start, boolean outlinable) {
            this.start = start;
            this.outlinable = outlinable;
        }
    }

    private Outliner() {
    }

    /** Offsets of the block and loop instructions of {@code function} to compile as regions; empty for small functions. */
    static Set<Integer> regions(DecodedModule module, int function) {
        return regions(module, function, CALL_BUDGET);
    }

    /** {@link #regions(DecodedModule, int)} with {@code callBudgetIfLeafLoop} in place of {@link #CALL_BUDGET}. */
    static Set<Integer> regions(DecodedModule module, int function, int callBudgetIfLeafLoop) {
        FunctionBody body = module.bodies().get(function - module.importedFunctionCount());
        Set<Integer> out = new HashSet<>();
        if (body.codeSize() <= Math.min(BUDGET, callBudgetIfLeafLoop)) return out;
        int callBudget = callBudgetIfLeafLoop < BUDGET && leafLoopAndCalls(module, body) ? callBudgetIfLeafLoop : BUDGET;
        if (body.codeSize() <= callBudget) return out;
        CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        List<Node> open = new ArrayList<>();
        open.add(new Node(body.codeStart(), false));
        int openLoops = 0;
        while (!open.isEmpty()) {
            Opcode op = code.next();
            switch (op) {
                case BLOCK -> {
                    SwitchNest nest = SwitchNest.at(module.bytesUnsafe(), code.instructionStart(), body.codeEnd());
                    if (nest == null) {
                        Node n = new Node(code.instructionStart(), true);
                        n.inLoop = openLoops > 0;
                        open.add(n);
                        break;
                    }
                    // the nest's blocks are compiled by level (FunctionCompiler), never as regions
                    for (int k = 0; k <= nest.levels; k++) {
                        if (k > 0) code.next();
                        Node n = new Node(code.instructionStart(), false);
                        n.nest = nest;
                        n.level = k;
                        open.add(n);
                    }
                }
                case LOOP -> {
                    Node n = new Node(code.instructionStart(), true);
                    n.loop = true;
                    n.inLoop = openLoops++ > 0;
                    open.add(n);
                }
                case IF -> open.add(new Node(code.instructionStart(), false));
                case CALL, CALL_INDIRECT -> open.get(open.size() - 1).calls = true;
                case END -> {
                    Node n = open.remove(open.size() - 1);
                    if (n.loop) openLoops--;
                    n.size = code.position() - n.start;
                    n.callingLoop |= n.loop && n.calls;
                    settle(n, out, callBudget);
                    if (!open.isEmpty()) {
                        Node parent = open.get(open.size() - 1);
                        parent.children.add(n);
                        parent.calls |= n.calls;
                        parent.callingLoop |= n.callingLoop;
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    /** Whether {@code body} has a call and a loop without calls in it (see {@link #CALL_BUDGET}). */
    private static boolean leafLoopAndCalls(DecodedModule module, FunctionBody body) {
        CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        // per open block: bit 0 = a loop, bit 1 = has calls
        int[] open = new int[16];
        int depth = 1;
        boolean leafLoop = false;
        boolean calls = false;
        while (depth > 0) {
            Opcode op = code.next();
            switch (op) {
                case BLOCK, IF -> {
                    if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
                    open[depth++] = 0;
                }
                case LOOP -> {
                    if (depth == open.length) open = java.util.Arrays.copyOf(open, depth * 2);
                    open[depth++] = 1;
                }
                case CALL, CALL_INDIRECT -> {
                    open[depth - 1] |= 2;
                    calls = true;
                }
                case END -> {
                    int closed = open[--depth];
                    if (closed == 1) leafLoop = true;
                    if (depth > 0) open[depth - 1] |= closed & 2;
                }
                default -> { }
            }
        }
        return leafLoop && calls;
    }

    private static void settle(Node n, Set<Integer> out, int callBudget) {
        int residual = n.size;
        for (Node c : n.children) residual -= c.size - c.residual;
        // a nest block whose following tail goes to a bucket method: its inner nest's code stays
        // where it is, the rest (that tail) is what must fit the bucket's budget
        boolean bucketed = n.nest != null && n.level < n.nest.levels && n.level + 1 > n.nest.inlineLevels;
        int inner = 0;
        if (bucketed) {
            for (Node c : n.children) if (c.nest == n.nest && c.level == n.level + 1) inner = c.residual;
            residual -= inner;
        }
        while (residual > BUDGET) {
            Node best = null;
            for (Node c : n.children) {
                if (c.outlinable && !c.outlined && c.residual >= MIN_REGION && (best == null || c.residual > best.residual)) best = c;
            }
            if (best == null) break;
            best.outlined = true;
            out.add(best.start);
            residual -= best.residual - CALL_COST;
        }
        while (residual > callBudget) {
            Node best = null;
            for (Node c : n.children) {
                if (c.outlinable && c.callingLoop && !c.inLoop && !c.outlined && c.residual >= MIN_REGION && (best == null || c.residual > best.residual)) best = c;
            }
            if (best == null) break;
            best.outlined = true;
            out.add(best.start);
            residual -= best.residual - CALL_COST;
        }
        n.residual = bucketed ? inner : residual;
        if (n.nest != null && n.level == 0) n.residual += CALL_COST * n.nest.buckets.size();
        n.children.clear();
    }
}
