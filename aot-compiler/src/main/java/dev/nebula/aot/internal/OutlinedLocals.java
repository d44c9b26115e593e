package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which locals a region or chunk method ({@link Outliner}, {@link FunctionCompiler}) must hand
 * back through the frame array, and which it needs from it: the Wasm locals (spec 2.4.8,
 * {@code local.get}/{@code local.set}/{@code local.tee}) whose values cross the method's edges.
 *
 * <p>Why it matters: a local the exit tail stores is read there, so for HotSpot it is live from
 * its definition to every exit of the method, across every uncommon trap and safepoint in
 * between. bz2's cost loop (clang's 50-fold unrolled {@code BZ_ITER}) is a region of 200 loads
 * and 130 locals, most of them temporaries; storing them all kept every one alive to the end,
 * and C2's register allocator spent 25 to 37 s on that one method (bench/RESULTS.md, "Large
 * functions"), holding up every other compilation.
 *
 * <p>A written local must be stored back when it is mentioned anywhere outside the method's code
 * (conservatively: any mention may read it later) or when some read inside may see a value from
 * before the method started ({@link #upwardExposed}): the next run of the same region reads what
 * the last one left. A local needs loading from the frame when it is such an upward-exposed read
 * or is stored back (an exit on a path that did not write it stores the value it came in with).
 */
final class OutlinedLocals {

    /** Per function-wide local, how many instructions of the function's body mention it. */
    private final int[] mentions;
    private final DecodedModule module;
    private final FunctionBody body;

    OutlinedLocals(DecodedModule module, int function, int localCount) {
        this.module = module;
        this.body = module.bodies().get(function - module.importedFunctionCount());
        this.mentions = new int[localCount];
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        while (r.position() < body.codeEnd()) {
            Opcode op = r.next();
            if (op == Opcode.LOCAL_GET || op == Opcode.LOCAL_SET || op == Opcode.LOCAL_TEE) mentions[r.index()]++;
        }
    }

    /** What a method compiled from the code in {@code [start, end)} stores and loads. */
    record Crossing(BitSet stores, BitSet loads) {
    }

    /**
     * The crossing locals of the method whose code is {@code [start, end)}, which writes
     * {@code written} and mentions {@code used} (both including what its own outlined children
     * do). The code starts either at the method's block (a region) or inside a block (a chunk):
     * a branch past the blocks opened in the range, and the end of the block the range sits in,
     * leave the method.
     */
    Crossing crossing(int start, int end, BitSet used, BitSet written) {
        int[] inside = new int[mentions.length];
        BitSet exposed = upwardExposed(start, end, inside);
        BitSet stores = new BitSet();
        for (int i = written.nextSetBit(0); i >= 0; i = written.nextSetBit(i + 1)) {
            if (exposed.get(i) || mentions[i] > inside[i]) stores.set(i);
        }
        BitSet loads = (BitSet) exposed.clone();
        loads.or(stores);
        loads.and(used);
        return new Crossing(stores, loads);
    }

    /** A block of the walk: the definitely-assigned locals at its end so far (null: no path reaches it yet). */
    private static final class Block {
        final boolean loop;
        final BitSet atIf;
        BitSet atEnd;

        Block(boolean loop, BitSet atIf) {
            this.loop = loop;
            this.atIf = atIf;
        }

        void reach(BitSet assigned) {
            if (loop) return; // a branch to a loop goes to its header, where the entry's set holds already
            if (atEnd == null) atEnd = (BitSet) assigned.clone();
            else atEnd.and(assigned);
        }
    }

    /**
     * The locals some {@code local.get} in {@code [start, end)} may read before any write in the
     * range on the way there: definite assignment over the structured code (spec 3.3.8 blocks,
     * branches to a block go to its end, to a loop to its header, whose set is the entry's since
     * sets only grow along a path). Counts each local's mentions in the range into {@code inside}.
     */
    private BitSet upwardExposed(int start, int end, int[] inside) {
        BitSet exposed = new BitSet();
        BitSet assigned = new BitSet();
        boolean reachable = true;
        List<Block> open = new ArrayList<>();
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, body.codeEnd());
        while (r.position() < end) {
            Opcode op = r.next();
            switch (op) {
                case LOCAL_GET -> {
                    int i = r.index();
                    inside[i]++;
                    if (reachable && !assigned.get(i)) exposed.set(i);
                }
                case LOCAL_SET, LOCAL_TEE -> {
                    int i = r.index();
                    inside[i]++;
                    assigned.set(i);
                }
                case BLOCK -> open.add(new Block(false, null));
                case LOOP -> open.add(new Block(true, null));
                case IF -> open.add(new Block(false, (BitSet) assigned.clone()));
                case ELSE -> {
                    if (open.isEmpty()) return exposed; // the else of the block a chunk sits in: it leaves
                    Block b = open.get(open.size() - 1);
                    if (reachable) b.reach(assigned);
                    assigned = (BitSet) b.atIf.clone();
                    reachable = true;
                    open.set(open.size() - 1, new Block(false, null));
                    open.get(open.size() - 1).atEnd = b.atEnd;
                }
                case END -> {
                    if (open.isEmpty()) return exposed; // the end of the block a chunk sits in, or of the function
                    Block b = open.remove(open.size() - 1);
                    if (b.loop) {
                        // only the fall-through reaches a loop's end
                        if (!reachable) assigned = null;
                    } else {
                        if (reachable) b.reach(assigned);
                        if (b.atIf != null) b.reach(b.atIf); // an if without else falls through when false
                        assigned = b.atEnd;
                    }
                    reachable = assigned != null;
                    if (assigned == null) assigned = new BitSet();
                }
                case BR -> {
                    if (reachable) target(open, r.index(), assigned);
                    reachable = false;
                }
                case BR_IF -> {
                    if (reachable) target(open, r.index(), assigned);
                }
                case BR_TABLE -> {
                    if (reachable) {
                        for (int k = 0; k <= r.labelCount(); k++) target(open, r.label(k), assigned);
                    }
                    reachable = false;
                }
                case RETURN, UNREACHABLE -> reachable = false;
                default -> { }
            }
        }
        return exposed;
    }

    /** A branch to label {@code depth}: a block opened in the range, or an exit from the method. */
    private static void target(List<Block> open, int depth, BitSet assigned) {
        if (depth < open.size()) open.get(open.size() - 1 - depth).reach(assigned);
    }
}
