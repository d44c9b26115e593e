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
        if (body.codeSize() <= BUDGET) return out;
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
                case END -> {
                    Node n = open.remove(open.size() - 1);
                    n.size = code.position() - n.start;
                    settle(n, out);
                    if (!open.isEmpty()) open.get(open.size() - 1).children.add(n);
                }
                default -> { }
            }
        }
        return out;
    }

    private static void settle(Node n, Set<Integer> out) {
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
        n.residual = bucketed ? inner : residual;
        if (n.nest != null && n.level == 0) n.residual += CALL_COST * n.nest.buckets.size();
        n.children.clear();
    }
}
