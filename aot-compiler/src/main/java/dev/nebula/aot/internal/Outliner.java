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
     * calls: past it, the largest blocks and loops that contain calls become regions, so that
     * the call-free loops stay in a method without calls. The reason is C2's register
     * allocator: in a method with calls (every register is caller-saved across a call that is
     * not inlined) the values of a hot loop elsewhere in the method were kept in stack slots and
     * reloaded on every iteration. CoreMark's list function (1,642 Wasm bytes: list walks
     * without calls, then a merge sort whose comparator calls) ran its list reversal with the
     * loop-carried pointer stored to and reloaded from the stack, about 11 cycles per element
     * where the native build takes 4; with the merge sort in a region the list function took
     * 19 instead of 27 us per CoreMark iteration. Blocks with calls pay a call more, next to the
     * calls they make anyway. The system property nebula.aot.outline.callBudget sets it (never
     * above {@link #BUDGET}).
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
        FunctionBody body = module.bodies().get(function - module.importedFunctionCount());
        Set<Integer> out = new HashSet<>();
        if (body.codeSize() <= CALL_BUDGET) return out;
        int callBudget = leafLoopAndCalls(module, body) ? CALL_BUDGET : BUDGET;
        if (body.codeSize() <= callBudget) return out;
        CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        List<Node> open = new ArrayList<>();
        open.add(new Node(body.codeStart(), false));
        while (!open.isEmpty()) {
            Opcode op = code.next();
            switch (op) {
                case BLOCK -> {
                    SwitchNest nest = SwitchNest.at(module.bytesUnsafe(), code.instructionStart(), body.codeEnd());
                    if (nest == null) {
                        open.add(new Node(code.instructionStart(), true));
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
                case LOOP -> open.add(new Node(code.instructionStart(), true));
                case IF -> open.add(new Node(code.instructionStart(), false));
                case CALL, CALL_INDIRECT -> open.get(open.size() - 1).calls = true;
                case END -> {
                    Node n = open.remove(open.size() - 1);
                    n.size = code.position() - n.start;
                    settle(n, out, callBudget);
                    if (!open.isEmpty()) {
                        Node parent = open.get(open.size() - 1);
                        parent.children.add(n);
                        parent.calls |= n.calls;
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
                if (c.outlinable && c.calls && !c.outlined && c.residual >= MIN_REGION && (best == null || c.residual > best.residual)) best = c;
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
