package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.UnsupportedFeatureException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.objectweb.asm.Opcodes.*;

/**
 * Compiles one Wasm function (spec 4.4, execution of instructions) into one static JVM method, in
 * a single pass over its code. The module is valid, so the type of every operand is known at
 * every instruction: a compile-time type stack mirrors the JVM operand stack, which holds the
 * Wasm operands themselves. Wasm locals are JVM locals. Code after an unconditional branch is
 * unreachable (spec 3.3.5, stack-polymorphic) and is skipped, so the JVM verifier only ever sees
 * well-typed stacks. A v128 is two longs (see {@link Jvm}): two type-stack entries, two JVM
 * locals, two frame slots; SIMD instructions are {@link SimdEmitter}'s.
 *
 * <p>Blocks, loops and ifs become labels; a branch that must drop operands below the values it
 * carries parks those values in scratch locals, pops the rest and reloads them. {@code br_table}
 * is a {@code tableswitch}. Memory 0's array sits in a JVM local and is re-read after
 * {@code memory.grow} and after calls that may grow it ({@link ModuleLayout#mayGrowMemory}). The
 * call depth is an argument of every compiled method, counted down from the limit (a direct call
 * passes its own minus one), so a call touches no shared counter and function entry only tests
 * its sign. Interruption
 * is polled on entry to functions that make calls and at the headers of loops that an iteration
 * can repeat without such a call ({@link LoopPolls}), so no unbounded run misses it; one
 * exception handler adds this function's frame to any trap that passes through.
 *
 * <p>Large bodies are split by {@link Outliner}: a block chosen there becomes a separate method
 * (a region) that this class compiles too, with the function's locals passed in and out through a
 * {@code long[]} frame.
 */
final class FunctionCompiler {

    private static final String TRAP_FRAME_DESC = "(L" + Jvm.TRAP + ";" + Jvm.INSTANCE_DESC + "I)L" + Jvm.TRAP + ";";

    /** br_tables with more labels than this are compiled through string constants ({@link #largeBrTable}). */
    private static final int LARGE_BR_TABLE = 1024;
    private static final int BR_TABLE_CHUNK = 16_000;
    /** A br_table with more distinct exits out of its region than this shares one exit path ({@link #sharesExits}). */
    private static final int SHARED_EXITS = 4;
    /**
     * Wasm code bytes of straight-line code one method holds before the rest goes into a chunk
     * method; the same budget as {@link Outliner#BUDGET}, and lowered for tests by the system
     * property nebula.aot.chunk.budget.
     */
    static final int CHUNK_BUDGET = Integer.getInteger("nebula.aot.chunk.budget", Outliner.BUDGET);

    /**
     * Bytecode bytes of inline code after which the rest of a splittable method goes into chunks
     * whatever its Wasm size: HotSpot's HugeMethodLimit (8,000) less room for what is emitted
     * after the body (the exit tail, the deferred prologue that loads the locals, the exits of
     * chunk calls).
     */
    static final int BYTECODE_BUDGET = Integer.getInteger("nebula.aot.bytecode.budget", 5_000);
    /**
     * Distinct locals one straight run of code (no block, branch or end between) may set before
     * the rest goes into a chunk, in a function large enough to split; lowered for tests by the
     * system property nebula.aot.chunk.runLocals. Such a run is one basic block to C2, and
     * with more values alive at once than registers its register allocation grows much faster
     * than the code: bz2's 50-fold unrolled cost loop (about 100 loads kept in locals before
     * they are summed) took C2 25 to 37 s in one method, holding up every other compilation.
     * Not lower: at 20, shootout-keccak's unrolled rounds (fewer than 80 locals per run) were cut
     * into chunks that pass their state through the frame array, 2.8 times slower.
     */
    static final int RUN_LOCALS = Integer.getInteger("nebula.aot.chunk.runLocals", 80);
    /** Wasm bytes between two measurements of the bytecode size ({@link #chunkHere}). */
    private static final int PROBE_STEP = 16;

    /**
     * Whether compiled code polls the store's interruption flag at function entries and loop
     * headers (spec-conformant code always does). For measurement only: the system property
     * {@code nebula.aot.bench.noPolls}, read once when this class loads, turns the polls off so
     * that a benchmark can price them (bench/RESULTS.md); a deadline then cannot stop compiled
     * code. Not a user option.
     */
    static final boolean POLLS = !Boolean.getBoolean("nebula.aot.bench.noPolls");

    /**
     * Functions of at least this many Wasm bytes get their loop polls in line: the guard's
     * {@code invokeExact} on {@link Rt#INTERRUPT_GUARD}, then {@code Rt.pollStore} only when it
     * is on. {@code Rt.poll} is an ordinary method, and C2 stops inlining ordinary methods into
     * a method once it has built {@code NodeCountInliningCutoff} (18,000) nodes: CoreMark's list
     * function (1,642 Wasm bytes, 102 accesses) then called {@code Rt.poll} in its hot loops, a
     * real call that spilled every value alive across it. The invoker the guard links to is
     * force-inlined, past the cutoff. The in-line form is 9 bytes of bytecode longer, so small
     * functions keep the call: from about 110 Wasm bytes (3 bytes of bytecode each) a method is
     * past C2's 325-byte limit for inlining at a hot call site anyway, so the longer form
     * changes no inlining decision. The system property nebula.aot.poll.inLineFrom (0: every
     * poll in line, how the tests cover it) sets it.
     */
    static final int POLL_IN_LINE_FROM = Integer.getInteger("nebula.aot.poll.inLineFrom", 110);

    private enum Kind { FUNCTION, BLOCK, LOOP, IF }

    /** A control frame (spec 4.2.13 labels): where a branch to it goes and what it carries. */
    private static final class Frame {
        Kind kind;
        Label label;
        Label elseLabel;
        ValType[] params;
        ValType[] results;
        /** Type-stack height below the block's parameters. */
        int base;
        /** The rest of this block is unreachable (after br, return, unreachable...). */
        boolean unreachable;
        /** Some branch targets this block's label. */
        boolean targeted;
        boolean hasElse;
        /** For a region's outermost frames: the exit code a branch to it returns with, or -1. */
        int regionExit = -1;
        /** For a block of a {@link SwitchNest} whose tail is in a bucket method: how a branch to it dispatches. */
        NestDispatch dispatch;
        /** For any block of a {@link SwitchNest} that has buckets: its dispatch, and the block's level in the nest. */
        NestDispatch nest;
        int nestLevel;

        ValType[] branchTypes() {
            return kind == Kind.LOOP ? params : results;
        }
    }

    /**
     * The dispatch of a {@link SwitchNest} in the method that holds its innermost body: a branch
     * to a level whose tail is in a bucket method stores the level and jumps to {@link #label},
     * which calls the bucket (see {@link #switchNest}).
     */
    private static final class NestDispatch {
        final Label label = new Label();
        /**
         * Where a bucket's branch to a level kept here goes: a jump of its own, which a switch's
         * "break" (always the same level) makes predictable, unlike the dispatch to the cases.
         */
        final Label inline = new Label();
        int inlineLevels;
        /** JVM locals: the level to go on at, and a bucket's exit code. */
        int levelSlot;
        int codeSlot;
    }

    /** A region or chunk method: {@code int (long[] frame, int depth, AotInstance)}. */
    private static final String REGION_DESC = "([JI" + Jvm.INSTANCE_DESC + ")I";

    private final ModuleLayout layout;
    private final ClassVisitor cv;
    /** A direct call of the function to itself is compiled in line, once ({@link #inlineSelfCall}). */
    private boolean inlineSelf;
    /** Compiling the body of an in-line self call. */
    private boolean inlining;
    /** Direct calls in loops to small leaf functions are compiled in line ({@link #inlineCall}). */
    private boolean inlineCallees;
    /** Where the calls in innermost loops end in the code (made on first use). */
    private Set<Integer> innermostLoopCalls;
    /** The frame a {@code return} leaves: the function's, or the block standing for an in-line self call. */
    private int functionFrame;
    private final DecodedModule module;
    private final int function;
    private final FuncType type;
    private final FunctionBody body;
    private final MethodVisitor mv;
    private final boolean hasMemory;
    private final ValType[] localTypes;
    private int[] localSlots;
    /** Per Wasm local, its first index in a region's frame array (a v128 local takes two). */
    private final int[] localFrame;
    private final int instanceSlot;
    /** The frames this call leaves below the depth limit (see {@link Jvm#methodDesc}): the caller's minus one for a Wasm call. */
    private int depthSlot;
    private final int memorySlot;
    /** Memory 0's size in bytes, the bound of every access (the array may be longer), re-read with the array. */
    private final int limitSlot;
    /** The long[] through which regions exchange locals and carried values (-1 when the function has no regions). */
    private final int frameSlot;
    /** Index in the frame array of the first carried value (block parameters, results, branch values); locals come first. */
    private final int carryBase;
    private int scratchBase;
    private int scratchNext;
    /** Where the last {@code i32.const} ended in the code, and its value: an add or sub right after it is a step by a constant. */
    private int constEnd = -1;
    private int constValue;
    /** The type-stack height just above the last value computed as x plus a constant step, or -1; and that step. */
    private int stepHeight = -1;
    private int stepConst;

    /** Block offsets compiled as regions ({@link Outliner}), shared by the function and its regions. */
    private final Set<Integer> regions;
    /** Offsets of the loops that poll interruption at their header ({@link LoopPolls}), shared likewise. */
    private final Set<Integer> loopPolls;
    /** Next region number of this function, shared by the function and its regions. */
    private final int[] regionCounter;
    /** This compiler emits a region method rather than the function's own. */
    private final boolean regionMode;
    /** In region mode: the offset of the region's block, which is compiled here rather than outlined again. */
    private int regionStart = -1;
    /** In region mode: frames below this index stand for the caller's labels (exits); the region's block is at floor. */
    private int floor;
    /** In region mode: the exit codes the region returns (0: it ended normally). */
    private final Set<Integer> exitCodes = new TreeSet<>();
    /** In region mode: the Wasm locals the region reads or writes, and those it writes. */
    private final BitSet usedLocals = new BitSet();
    private final BitSet writtenLocals = new BitSet();
    /** In region mode: the shared tail that stores the written locals and returns the code in {@link #exitCodeSlot}. */
    private Label exitTail;
    private int exitCodeSlot;
    /** Straight-line code may be cut into chunk methods ({@link #callChunk}): the function is larger than one method's budget. */
    private final boolean splittable;
    /** Wasm code bytes compiled inline into this method so far (outlined regions and chunks not counted). */
    private int inlineBytes;
    /** Inline Wasm bytes at which {@link #chunkHere} next measures the bytecode emitted so far. */
    private int nextProbe;
    /** The locals set since the last block, branch or end instruction ({@link #RUN_LOCALS}). */
    private final BitSet runLocals = new BitSet();
    /** This method's bytecode is past {@link #BYTECODE_BUDGET}: the rest goes into chunks. */
    private boolean overBytecodeBudget;
    /** In region mode: the exit code for reaching the end of the region's own block (a switch bucket's is its lowest level's). */
    private int endCode;
    /** This compiler emits a chunk: a region without a block of its own. */
    private boolean chunkMode;
    /** In chunk mode: the types of the values the chunk leaves when it ends normally. */
    private ValType[] chunkResults;
    /** In region and chunk mode: the first instruction of the body, where the deferred prologue jumps. */
    private Label bodyStart;
    /** The function's local mentions, shared by the function and its regions and chunks (made on first use). */
    private OutlinedLocals outlinedLocals;
    /** In region and chunk mode, once compiled: the locals it stores back and needs from the frame. */
    private OutlinedLocals.Crossing crossing;

    private ValType[] stack = new ValType[32];
    private int sp;
    private Frame[] frames = new Frame[16];
    private int depth;
    private int skipDepth;

    private FunctionCompiler(ModuleLayout layout, int function, ClassVisitor cv, MethodVisitor mv,
                             Set<Integer> regions, Set<Integer> loopPolls, int[] regionCounter, boolean regionMode) {
        this(layout, function, cv, mv, regions, loopPolls, regionCounter, regionMode, 0);
    }

    /** As above, with the JVM locals starting at {@code slotBase} (above the caller's, for a callee compiled in line). */
    private FunctionCompiler(ModuleLayout layout, int function, ClassVisitor cv, MethodVisitor mv,
                             Set<Integer> regions, Set<Integer> loopPolls, int[] regionCounter, boolean regionMode, int slotBase) {
        this.layout = layout;
        this.cv = cv;
        this.module = layout.module;
        this.function = function;
        this.type = module.functionType(function);
        this.body = module.bodies().get(function - module.importedFunctionCount());
        this.mv = mv;
        // only code that reads or writes through the array keeps it in a local
        this.hasMemory = layout.hasMemory() && layout.accessesMemoryArray(function);
        this.regions = regions;
        this.loopPolls = loopPolls;
        this.regionCounter = regionCounter;
        this.regionMode = regionMode;
        this.floor = 0;
        long declared = body.localCount();
        int params = type.params().size();
        if (declared + params > 30_000) {
            throw new UnsupportedFeatureException(module.describeFunction(function) + " declares " + declared
                    + " locals, more than a JVM method can hold");
        }
        int count = (int) declared + params;
        localTypes = new ValType[count];
        localSlots = new int[count];
        localFrame = new int[count];
        int frameSlots = 0;
        for (int i = 0; i < count; i++) {
            localTypes[i] = i < params ? type.params().get(i) : body.localType(i - params);
            localFrame[i] = frameSlots;
            frameSlots += localTypes[i] == ValType.V128 ? 2 : 1;
        }
        int slot = slotBase;
        int inst = -1;
        int frame = -1;
        int callDepth = -1;
        if (regionMode) {
            frame = slot++;
            callDepth = slot++;
            inst = slot++;
        }
        for (int i = 0; i < count; i++) {
            if (!regionMode && i == params) {
                callDepth = slot++;
                inst = slot++;
            }
            localSlots[i] = slot;
            slot += localTypes[i] == ValType.V128 ? 4 : Jvm.size(localTypes[i]);
        }
        if (!regionMode && count == params) {
            callDepth = slot++;
            inst = slot++;
        }
        depthSlot = callDepth;
        instanceSlot = inst;
        memorySlot = slot++;
        limitSlot = slot++;
        splittable = !regions.isEmpty() || body.codeSize() > Outliner.BUDGET;
        inLinePolls = body.codeSize() >= POLL_IN_LINE_FROM;
        inLineMemory = MemoryEmitter.inLine(layout.memoryAccessCount(function), body.codeSize(), regionMode);
        if (!regionMode && splittable) frame = slot++;
        frameSlot = frame;
        carryBase = frameSlots;
        scratchBase = slot;
        scratchNext = slot;
    }

    /**
     * Compiles function {@code function} into a public static method of {@code cv}. A small
     * function that calls itself directly ({@link ModuleLayout#mayInlineSelf}), whose every loop
     * calls ({@link #callsEveryIteration}), has those calls compiled in line one level deep
     * ({@link #inlineSelfCall}) when its method stays at most
     * {@link ModuleLayout#SELF_INLINE_MAX_BYTECODE} bytes, measured by compiling it once on the
     * side: C2 inlines a method into itself only one level deep ({@code MaxRecursiveInlineLevel=1}),
     * so a hot recursion then runs four Wasm levels per real call instead of two.
     */
    static void compile(ModuleLayout layout, int function, ClassVisitor cv) {
        boolean callees = callsInlinable(layout, function)
                && inlinedSize(layout, function, false, true) <= INLINE_MAX_CALLER_BYTECODE;
        boolean inline = layout.mayInlineSelf(function) && callsEveryIteration(layout, function) && noV128(layout.module, function)
                && inlinedSize(layout, function, true, callees) <= ModuleLayout.SELF_INLINE_MAX_BYTECODE;
        compile(layout, function, cv, inline, callees);
    }

    /**
     * Wasm code bytes up to which a leaf function called directly in a loop is compiled in line
     * there ({@link #inlineCall}); 0 turns it off. The system property
     * {@code nebula.aot.inline.maxCalleeBytes}, read once here. CoreMark's
     * {@code core_state_transition} (480 bytes, called once per token by {@code core_bench_state})
     * is the case it is for (its {@code crcu16}, 495 bytes, is taken too). Not more: at 1,000,
     * regex's {@code f846} (534 bytes) went in line into {@code f827} and regex ran 1.04 to 1.1
     * times slower; see bench/RESULTS.md, "A leaf callee in line".
     */
    static final int INLINE_MAX_CALLEE_BYTES = Integer.getInteger("nebula.aot.inline.maxCalleeBytes", 500);

    /**
     * Wasm code bytes below which a callee is left a call: C2 inlines a hot callee of up to
     * {@code FreqInlineSize} (325) bytes of bytecode itself, about 230 Wasm bytes at the 1.4
     * bytes of bytecode per Wasm byte measured on CoreMark's {@code core_state_transition} (480
     * to 668), and copying it here only grows the caller past the size at which C2 inlines the
     * caller into its own callers. Derived, not fitted: a first measurement of regex's
     * {@code f149} (414 bytes, in line in {@code f135}) had 3 of 5 regex JVMs slow against 0 of 5,
     * but 16 more JVMs alternated showed the same 2 in 8 slow (15.8-17.4 ms against 10-11.5) with
     * it in line and without: regex is bimodal either way (bench/RESULTS.md, "A leaf callee in
     * line"). CoreMark's callees are 477 and 495 bytes. The system property
     * {@code nebula.aot.inline.minCalleeBytes}.
     */
    static final int INLINE_MIN_CALLEE_BYTES = Integer.getInteger("nebula.aot.inline.minCalleeBytes", 230);

    /**
     * Bytecode bytes up to which a caller's method, with its leaf callees in line, is compiled
     * that way (measured by compiling it once on the side): the system property
     * {@code nebula.aot.inline.maxCallerBytecode}. Well under HotSpot's HugeMethodLimit (8,000
     * bytes, past which a method is never compiled), the same margin as {@link #BYTECODE_BUDGET}.
     */
    static final int INLINE_MAX_CALLER_BYTECODE = Integer.getInteger("nebula.aot.inline.maxCallerBytecode", 5_000);

    /**
     * Whether {@code callee} may be compiled in line into a caller: a defined function that calls
     * nothing (no call, no call_indirect) and cannot grow memory, small enough
     * ({@link #INLINE_MAX_CALLEE_BYTES}) never to be split into regions or chunks but too large
     * for C2 to inline ({@link #INLINE_MIN_CALLEE_BYTES}), without v128
     * values (one JVM local per Wasm local).
     */
    static boolean inlinableCallee(ModuleLayout layout, int callee) {
        DecodedModule module = layout.module;
        int defined = callee - module.importedFunctionCount();
        if (defined < 0 || layout.makesCalls(callee) || layout.mayGrowMemory(callee)) return false;
        int size = module.bodies().get(defined).codeSize();
        return size >= INLINE_MIN_CALLEE_BYTES && size <= INLINE_MAX_CALLEE_BYTES && size <= Outliner.BUDGET
                && loops(module, callee) <= INLINE_MAX_CALLEE_LOOPS
                && Outliner.regions(module, callee).isEmpty() && noV128(module, callee);
    }

    /**
     * Loops a callee compiled in line may have. A callee whose time goes into loops of its own is
     * not bound by the cost of the call: sha256's {@code compress} (three loops, 64 rounds) called
     * once per block ran 1.4 times slower in line. CoreMark's {@code core_state_transition} has one
     * loop, over the characters of one token. The system property {@code nebula.aot.inline.maxCalleeLoops}.
     */
    static final int INLINE_MAX_CALLEE_LOOPS = Integer.getInteger("nebula.aot.inline.maxCalleeLoops", 1);

    private static int loops(DecodedModule module, int function) {
        FunctionBody b = module.bodies().get(function - module.importedFunctionCount());
        CodeReader r = new CodeReader(module.bytesUnsafe(), b.codeStart(), b.codeEnd());
        int loops = 0;
        while (r.position() < b.codeEnd()) {
            if (r.next() == Opcode.LOOP) loops++;
        }
        return loops;
    }

    /** Whether the function, itself never split, calls some other function that {@link #inlinableCallee may be compiled in line}. */
    private static boolean callsInlinable(ModuleLayout layout, int function) {
        DecodedModule module = layout.module;
        int defined = function - module.importedFunctionCount();
        if (INLINE_MAX_CALLEE_BYTES <= 0 || defined < 0) return false;
        FunctionBody b = module.bodies().get(defined);
        if (b.codeSize() > Outliner.BUDGET || !Outliner.regions(module, function).isEmpty()) return false;
        CodeReader r = new CodeReader(module.bytesUnsafe(), b.codeStart(), b.codeEnd());
        while (r.position() < b.codeEnd()) {
            Opcode op = r.next();
            if (op == Opcode.CALL) {
                int callee = r.index();
                if (callee != function && inlinableCallee(layout, callee)) return true;
            }
        }
        return false;
    }

    private static void compile(ModuleLayout layout, int function, ClassVisitor cv, boolean inlineSelf, boolean inlineCallees) {
        FuncType type = layout.module.functionType(function);
        MethodVisitor mv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.methodName(function), Jvm.methodDesc(type), null, null);
        Set<Integer> loopPolls = POLLS ? LoopPolls.of(layout.module, function, f -> pollsOnEntry(layout, f)) : Set.of();
        FunctionCompiler c = new FunctionCompiler(layout, function, cv, mv, Outliner.regions(layout.module, function), loopPolls, new int[1], false);
        c.inlineSelf = inlineSelf;
        c.inlineCallees = inlineCallees;
        c.emitFunction();
    }

    /**
     * Whether every loop of the function makes a call on every iteration ({@link LoopPolls}: no
     * loop would need its own poll), so that its time goes in calls rather than in a loop that
     * calls nothing. Only such functions get their self calls in line: inlining a recursion
     * whose work is an inner loop (quicksort's partition) deeper made it 9% slower (bench/RESULTS.md).
     */
    private static boolean callsEveryIteration(ModuleLayout layout, int function) {
        return LoopPolls.of(layout.module, function, f -> f >= layout.module.importedFunctionCount() && layout.makesCalls(f)).isEmpty();
    }

    /** Whether the function has no v128 parameter, result or local (an in-line call's locals are scalars, one JVM local each). */
    private static boolean noV128(DecodedModule module, int function) {
        FuncType t = module.functionType(function);
        if (t.params().contains(ValType.V128) || t.results().contains(ValType.V128)) return false;
        FunctionBody b = module.bodies().get(function - module.importedFunctionCount());
        for (long i = 0; i < b.localCount(); i++) {
            if (b.localType((int) i) == ValType.V128) return false;
        }
        return true;
    }

    /** The bytecode size of the function's method with its self calls in line (its trap handler not counted), compiled into a class that is thrown away. */
    private static int inlinedSize(ModuleLayout layout, int function, boolean inlineSelf, boolean inlineCallees) {
        // the real compile that follows records its own size
        compile(layout, function, ModuleCompiler.newClassWriter(), inlineSelf, inlineCallees);
        return layout.methodSizes.get(ModuleLayout.methodName(function));
    }

    /**
     * Whether function {@code f} polls interruption on entry: when it makes calls. A function
     * without calls runs for a bounded time but for its loops, which poll themselves, so any
     * unbounded run keeps entering functions that poll (or crossing loop headers that do).
     */
    static boolean pollsOnEntry(ModuleLayout layout, int f) {
        return POLLS && f >= layout.module.importedFunctionCount() && layout.makesCalls(f);
    }

    private void emitFunction() {
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        // the handler's entry is added after the body's: an in-line self call's own handler
        // (inlineSelfCall), nested in this range, must come first in the exception table
        // outside the handler: a function that cannot be entered is not on the Wasm stack
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.rt(mv, pollsOnEntry(layout, function) ? "enter" : "enterWithoutPoll", "(I" + Jvm.INSTANCE_DESC + ")V");
        mv.visitLabel(start);
        for (int i = type.params().size(); i < localTypes.length; i++) {
            Jvm.zero(mv, localTypes[i]);
            mv.visitVarInsn(Jvm.store(localTypes[i]), localSlots[i]);
            if (localTypes[i] == ValType.V128) {
                Jvm.zero(mv, localTypes[i]);
                mv.visitVarInsn(LSTORE, localSlots[i] + 2);
            }
        }
        reloadMemory();
        if (frameSlot >= 0) {
            // one more than the largest carry: a nest's bucket methods take their level there
            Jvm.pushInt(mv, carryBase + layout.maxArity + layout.maxStack(function) + 1);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitVarInsn(ASTORE, frameSlot);
        }
        Frame f = push(Kind.FUNCTION, new ValType[0], Jvm.halves(type.results()).toArray(new ValType[0]));
        f.label = new Label();
        emitBody(new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd()));
        // inside the range of the handler below, so that an out-of-bounds trap gets this frame
        emitMemoryHandler();
        mv.visitLabel(end);
        mv.visitTryCatchBlock(start, end, handler, Jvm.TRAP);
        mv.visitLabel(handler);
        layout.methodSizes.put(ModuleLayout.methodName(function), end.getOffset());
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.pushInt(mv, function);
        mv.visitMethodInsn(INVOKESTATIC, Jvm.RT, "frame", TRAP_FRAME_DESC, false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void reloadMemory() {
        if (!hasMemory) return;
        mv.visitVarInsn(ALOAD, instanceSlot);
        if (inLineMemory) {
            // Rt.memory's and Rt.memoryLimit's bodies: accessor calls, which C2 inlines even past its node cutoff (see MemoryEmitter)
            mv.visitFieldInsn(GETFIELD, Jvm.INSTANCE, "memories", "[Ldev/nebula/runtime/Memory;");
            mv.visitInsn(ICONST_0);
            mv.visitInsn(AALOAD);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Memory", "storage", "()[B", false);
            mv.visitVarInsn(ASTORE, memorySlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Memory", "limit", "()I", false);
        } else {
            mv.visitInsn(DUP);
            Jvm.rt(mv, "memory", "(" + Jvm.INSTANCE_DESC + ")[B");
            mv.visitVarInsn(ASTORE, memorySlot);
            Jvm.rt(mv, "memoryLimit", "(" + Jvm.INSTANCE_DESC + ")I");
        }
        // never past the array in hand, whatever happened between the two reads (a store is not
        // thread-safe, but a race must not let Unsafe, behind the check, leave the array; see Rt)
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
        mv.visitVarInsn(ISTORE, limitSlot);
    }

    // ---- the instruction loop ----

    private void emitBody(CodeReader r) {
        // a region starts at its block instruction, below which depth is at the floor already
        do {
            Opcode op = r.next();
            scratchNext = scratchBase;
            step(op, r, true);
        } while (depth > floor);
    }

    /**
     * Compiles the instruction just read: skipped when unreachable, else (where {@code mayCut})
     * the start of a chunk once this method holds its budget ({@link #chunkHere}), else compiled
     * here, keeping what the next ones depend on: the inline size (an instruction compiled here,
     * not moved into a method of its own, counts its Wasm bytes), the stepped value's height and
     * the straight run's locals.
     */
    private void step(Opcode op, CodeReader r, boolean mayCut) {
        if (frames[depth - 1].unreachable) {
            skip(op);
            return;
        }
        if (mayCut && chunkHere(op, r)) {
            callChunk(r);
            return;
        }
        int before = r.position();
        emit(op, r);
        if (sp < stepHeight) stepHeight = -1; // a block's end or a branch cut the stack below the step
        if (r.position() == before) inlineBytes += before - r.instructionStart();
        trackRun(op, r);
    }

    /** Keeps {@link #runLocals}: the locals set since the last instruction that starts or ends a basic block. */
    private void trackRun(Opcode op, CodeReader r) {
        switch (op) {
            case LOCAL_SET, LOCAL_TEE -> runLocals.set(r.index());
            case BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, UNREACHABLE -> runLocals.clear();
            default -> { }
        }
    }

    /**
     * Whether to move the code from here on into a chunk method: this method already holds its
     * budget of inline code. The current block's operands so far go with it through the frame
     * (the block's code cannot pop below them), so even one huge expression can be cut.
     */
    private boolean chunkHere(Opcode op, CodeReader r) {
        if (!splittable || op == Opcode.END || op == Opcode.ELSE || r.instructionStart() == regionStart) return false;
        if (inlineBytes > CHUNK_BUDGET || overBytecodeBudget) return true;
        if (runLocals.cardinality() > RUN_LOCALS) {
            runLocals.clear();
            return true;
        }
        if (inlineBytes < nextProbe) return false;
        // Wasm bytes are a guess at bytecode size (about three to one); SIMD and call-heavy code
        // expands more, so the method's true size so far is checked every few instructions: an
        // extra label costs the class file nothing
        nextProbe = inlineBytes + PROBE_STEP;
        Label probe = new Label();
        mv.visitLabel(probe);
        overBytecodeBudget = probe.getOffset() > BYTECODE_BUDGET;
        return overBytecodeBudget;
    }

    /** Unreachable code: only the structure matters, to find the else or end that makes code live again. */
    private void skip(Opcode op) {
        switch (op) {
            case BLOCK, LOOP, IF -> skipDepth++;
            case ELSE -> {
                if (skipDepth == 0) doElse();
            }
            case END -> {
                if (skipDepth > 0) skipDepth--;
                else doEnd();
            }
            default -> { }
        }
    }

    private void emit(Opcode op, CodeReader r) {
        if (NumericEmitter.isComparison(op) && fuseWithBranch(op, r)) return;
        if (op.hasFixedSignature() && NumericEmitter.emit(mv, op)) {
            boolean step = (op == Opcode.I32_ADD || op == Opcode.I32_SUB) && r.instructionStart() == constEnd;
            applySignature(op);
            if (step) {
                stepHeight = sp;
                stepConst = op == Opcode.I32_ADD ? constValue : -constValue;
            }
            return;
        }
        switch (op) {
            case UNREACHABLE -> {
                mv.visitMethodInsn(INVOKESTATIC, Jvm.TRAPS, "unreachable", "()L" + Jvm.TRAP + ";", false);
                mv.visitInsn(ATHROW);
                markUnreachable();
            }
            case NOP -> { }
            case BLOCK, LOOP -> {
                if (r.instructionStart() != regionStart && regions.contains(r.instructionStart())) {
                    callRegion(r);
                } else if (op == Opcode.BLOCK) {
                    SwitchNest nest = splittable ? SwitchNest.at(module.bytesUnsafe(), r.instructionStart(), body.codeEnd()) : null;
                    if (nest != null) {
                        switchNest(r, nest);
                    } else {
                        Frame f = pushBlock(Kind.BLOCK, r);
                        f.label = new Label();
                    }
                } else {
                    loop(r);
                }
            }
            case ELSE -> doElse();
            case IF -> ifBlock(r, IFNE);
            case END -> doEnd();
            case BR -> {
                branch(frameAt(r.index()));
                markUnreachable();
            }
            case BR_IF -> {
                // a counter just stepped by a constant (i += c, maybe through local.tee) and tested
                // for zero, gimli's rounds: a plain value, not a 0/1 to materialise (see brIf), so
                // the jump goes back itself and C2 can count the loop
                if (!(COUNTABLE_BACK_EDGE && stepHeight == sp && loopBackEdge(r, IFNE))) brIf(r, IFNE);
            }
            case BR_TABLE -> brTable(r);
            case RETURN -> {
                branch(frames[functionFrame]);
                markUnreachable();
            }
            case CALL -> call(r.index(), r.position());
            case CALL_INDIRECT -> callIndirect(r.index(), r.secondIndex());
            case DROP -> {
                ValType t = pop();
                Jvm.pop(mv, t);
                if (t == ValType.V128) Jvm.pop(mv, pop()); // the low half
            }
            case SELECT, SELECT_T -> select();
            case LOCAL_GET -> {
                int i = r.index();
                usedLocals.set(i);
                mv.visitVarInsn(Jvm.load(localTypes[i]), localSlots[i]);
                push(localTypes[i]);
                if (localTypes[i] == ValType.V128) {
                    mv.visitVarInsn(LLOAD, localSlots[i] + 2);
                    push(ValType.V128);
                }
            }
            case LOCAL_SET -> {
                int i = r.index();
                usedLocals.set(i);
                writtenLocals.set(i);
                if (localTypes[i] == ValType.V128) {
                    mv.visitVarInsn(LSTORE, localSlots[i] + 2);
                    pop();
                }
                mv.visitVarInsn(Jvm.store(localTypes[i]), localSlots[i]);
                pop();
            }
            case LOCAL_TEE -> {
                int i = r.index();
                usedLocals.set(i);
                writtenLocals.set(i);
                if (localTypes[i] == ValType.V128) {
                    mv.visitVarInsn(LSTORE, localSlots[i] + 2);
                    mv.visitInsn(DUP2);
                    mv.visitVarInsn(LSTORE, localSlots[i]);
                    mv.visitVarInsn(LLOAD, localSlots[i] + 2);
                } else {
                    mv.visitInsn(Jvm.size(localTypes[i]) == 2 ? DUP2 : DUP);
                    mv.visitVarInsn(Jvm.store(localTypes[i]), localSlots[i]);
                }
            }
            case GLOBAL_GET -> globalGet(r.index());
            case GLOBAL_SET -> globalSet(r.index());
            case TABLE_GET -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "tableGet", "(I" + Jvm.INSTANCE_DESC + "I)J");
                pop();
                push(module.allTables().get(r.index()).elementType());
            }
            case TABLE_SET -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "tableSet", "(IJ" + Jvm.INSTANCE_DESC + "I)V");
                pop();
                pop();
            }
            case TABLE_SIZE -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "tableSize", "(" + Jvm.INSTANCE_DESC + "I)I");
                push(ValType.I32);
            }
            case TABLE_GROW -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "tableGrow", "(JI" + Jvm.INSTANCE_DESC + "I)I");
                pop();
                pop();
                push(ValType.I32);
            }
            case TABLE_FILL -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "tableFill", "(IJI" + Jvm.INSTANCE_DESC + "I)V");
                pop();
                pop();
                pop();
            }
            case TABLE_COPY -> {
                instanceAndIndex(r.index());
                Jvm.pushInt(mv, r.secondIndex());
                Jvm.rt(mv, "tableCopy", "(III" + Jvm.INSTANCE_DESC + "II)V");
                popN(3);
            }
            case TABLE_INIT -> {
                // immediates: element segment, then table
                instanceAndIndex(r.secondIndex());
                Jvm.pushInt(mv, r.index());
                Jvm.rt(mv, "tableInit", "(III" + Jvm.INSTANCE_DESC + "II)V");
                popN(3);
            }
            case ELEM_DROP -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "elemDrop", "(" + Jvm.INSTANCE_DESC + "I)V");
            }
            case MEMORY_SIZE -> {
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "memorySize", "(" + Jvm.INSTANCE_DESC + ")I");
                push(ValType.I32);
            }
            case MEMORY_GROW -> {
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "memoryGrow", "(I" + Jvm.INSTANCE_DESC + ")I");
                reloadMemory();
            }
            case MEMORY_FILL -> {
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "memoryFill", "(III" + Jvm.INSTANCE_DESC + ")V");
                popN(3);
            }
            case MEMORY_COPY -> {
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "memoryCopy", "(III" + Jvm.INSTANCE_DESC + ")V");
                popN(3);
            }
            case MEMORY_INIT -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "memoryInit", "(III" + Jvm.INSTANCE_DESC + "I)V");
                popN(3);
            }
            case DATA_DROP -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "dataDrop", "(" + Jvm.INSTANCE_DESC + "I)V");
            }
            case I32_CONST -> {
                Jvm.pushInt(mv, (int) r.value());
                push(ValType.I32);
                constEnd = r.position();
                constValue = (int) r.value();
            }
            case I64_CONST -> {
                Jvm.pushLong(mv, r.value());
                push(ValType.I64);
            }
            case F32_CONST -> {
                // through the bits, so a NaN constant keeps its payload exactly
                Jvm.pushInt(mv, (int) r.value());
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                push(ValType.F32);
            }
            case F64_CONST -> {
                Jvm.pushLong(mv, r.value());
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                push(ValType.F64);
            }
            case REF_NULL -> {
                mv.visitInsn(LCONST_0);
                push(r.referenceTypeImmediate());
            }
            case REF_IS_NULL -> {
                pop();
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                Label yes = new Label();
                Label done = new Label();
                mv.visitJumpInsn(IFEQ, yes);
                mv.visitInsn(ICONST_0);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(yes);
                mv.visitInsn(ICONST_1);
                mv.visitLabel(done);
                push(ValType.I32);
            }
            case REF_FUNC -> {
                instanceAndIndex(r.index());
                Jvm.rt(mv, "refFunc", "(" + Jvm.INSTANCE_DESC + "I)J");
                push(ValType.FUNCREF);
            }
            default -> {
                if (op.immediate() == dev.nebula.decoder.Immediate.MEMARG && op.prefix() == 0) {
                    memoryAccess(op, r.offset());
                } else if (op.prefix() == Opcode.PREFIX_FD) {
                    scratchNext = new SimdEmitter(mv, memorySlot, limitSlot, scratchNext).emit(op, r);
                    for (ValType t : op.pops()) {
                        pop();
                        if (t == ValType.V128) pop();
                    }
                    for (int i = 0; i < op.pushCount(); i++) {
                        push(op.push(i));
                        if (op.push(i) == ValType.V128) push(ValType.V128);
                    }
                } else {
                    throw new IllegalStateException("no code for " + op.mnemonic());
                }
            }
        }
    }

    /**
     * A comparison directly followed by {@code br_if} or {@code if} becomes one compare-and-jump
     * rather than a 0 or 1 that is then tested (the shape javac gives an {@code if}, which the
     * JIT compiles best). Returns false, having emitted nothing and left the reader as it was,
     * when the next instruction is anything else.
     */
    private boolean fuseWithBranch(Opcode op, CodeReader r) {
        int opStart = r.instructionStart();
        int next = r.position();
        if (next >= body.codeEnd()) return false;
        Opcode branch = r.next();
        if (branch != Opcode.BR_IF && branch != Opcode.IF) {
            r.position(next);
            return false;
        }
        if (op == Opcode.I32_NE && branch == Opcode.BR_IF && COUNTABLE_BACK_EDGE && countedBackEdge(r)) {
            inlineBytes += r.position() - opStart;
            return true;
        }
        int jump = NumericEmitter.compare(mv, op);
        applySignature(op);
        if (branch == Opcode.BR_IF && COUNTABLE_BACK_EDGE && isPlainIntCompare(op) && loopBackEdge(r, jump)) {
            inlineBytes += r.position() - opStart;
            return true;
        }
        if (branch == Opcode.BR_IF) brIf(r, jump);
        else ifBlock(r, jump);
        // emitBody counts only instructions that leave the reader where they found it
        inlineBytes += r.position() - opStart;
        return true;
    }

    /**
     * br_if (spec 4.4.8), with the condition as the operands of {@code jumpIfTrue} on top of the stack.
     * A br_if back to a loop header jumps over a {@code goto} to it rather than jumping there
     * itself: HotSpot polls for a safepoint on backward jumps and records the JVM state before
     * the jump, so a conditional backward jump keeps its operands (often a 0/1 that the Wasm code
     * stored in a local, as clang's loops do) alive as values C2 must materialise; a backward
     * {@code goto} has an empty operand stack. Measured on fib 16% and on sieve 39% less CPU
     * (bench/RESULTS.md). Fused signed, eq and ne i32 compares go back directly instead
     * ({@link #loopBackEdge}), so that C2 can count the loop.
     */
    private void brIf(CodeReader r, int jumpIfTrue) {
        pop();
        Frame target = frameAt(r.index());
        if (directBranch(target) && target.kind != Kind.LOOP) {
            mv.visitJumpInsn(jumpIfTrue, target.label);
            target.targeted = true;
        } else {
            Label stay = new Label();
            mv.visitJumpInsn(NumericEmitter.invert(jumpIfTrue), stay);
            branch(target);
            mv.visitLabel(stay);
        }
    }

    /**
     * {@code i32.ne; br_if} back to a loop header (spec 4.4.8), where one operand was just computed
     * as x plus a constant step of 2 or more (clang's unrolled loops: {@code i += 2; if (i != n)
     * continue}). HotSpot's C2 makes a counted loop (range-check elimination, unrolling, parallel
     * induction variables) only of a loop whose exit test it can bound, and it refuses
     * {@code !=} with a step other than 1 (the variable could step over the limit). So the back
     * edge is taken first when the stepped value is still short of the other operand ({@code <}
     * for a positive step, {@code >} for a negative one), which C2 can count, and only if not,
     * when the two differ: the same branch for every value, since short of it implies different.
     * The second back edge is never taken when the loop ends on the limit exactly, so C2's
     * profile turns it into an uncommon trap and the loop keeps one back edge. Returns false,
     * having emitted nothing, when the shape does not fit: no step operand, a step of -1, 0 or 1
     * (C2 counts {@code !=} loops of those itself), or a branch that carries values or leaves
     * a region.
     */
    private boolean countedBackEdge(CodeReader r) {
        Frame target = frameAt(r.index());
        if (target.kind != Kind.LOOP || target.regionExit >= 0 || target.branchTypes().length != 0 || sp - 2 != target.base) return false;
        if (stepConst > -2 && stepConst < 2) return false;
        boolean steppedOnTop;
        if (stepHeight == sp) steppedOnTop = true;
        else if (stepHeight == sp - 1) steppedOnTop = false;
        else return false;
        // stack: a b; continue early while the stepped one is short of the other
        int shortOf = steppedOnTop == (stepConst > 0) ? IF_ICMPGT : IF_ICMPLT;
        popN(2);
        int b = scratchNext++;
        int a = scratchNext++;
        mv.visitVarInsn(ISTORE, b);
        mv.visitVarInsn(ISTORE, a);
        mv.visitVarInsn(ILOAD, a);
        mv.visitVarInsn(ILOAD, b);
        mv.visitJumpInsn(shortOf, target.label);
        mv.visitVarInsn(ILOAD, a);
        mv.visitVarInsn(ILOAD, b);
        mv.visitJumpInsn(IF_ICMPNE, target.label);
        target.targeted = true;
        return true;
    }

    /**
     * Whether fused i32 compares jump back to their loop header themselves ({@link #loopBackEdge},
     * {@link #countedBackEdge}). For measurement only: the system property
     * {@code nebula.aot.bench.gotoBackEdges}, read once when this class loads, restores the
     * jump over a {@code goto} for every back edge, so a benchmark can price the difference
     * (bench/RESULTS.md). Not a user option.
     */
    static final boolean COUNTABLE_BACK_EDGE = !Boolean.getBoolean("nebula.aot.bench.gotoBackEdges");

    /** A compare of two i32 values as they are (no sign flip), so its operands are values the loop keeps anyway. */
    private static boolean isPlainIntCompare(Opcode op) {
        return switch (op) {
            case I32_EQ, I32_NE, I32_LT_S, I32_GT_S, I32_LE_S, I32_GE_S -> true;
            default -> false;
        };
    }

    /**
     * A fused i32 compare and br_if back to a loop header with nothing to carry: the conditional
     * jump goes back itself, as javac compiles a loop's test. HotSpot's C2 makes a counted loop
     * only when the exit test sits right before the back edge, with the safepoint poll before the
     * test; with a {@code goto} behind the test (what {@link #brIf} emits otherwise) the poll
     * lands between them and C2 gives up on the loop. The compare's operands are in the JVM state
     * at that poll, but they are plain values (a counter and its limit), not a 0/1 to materialise.
     */
    private boolean loopBackEdge(CodeReader r, int jumpIfTrue) {
        Frame target = frameAt(r.index());
        if (target.kind != Kind.LOOP || target.regionExit >= 0 || target.branchTypes().length != 0 || sp - 1 != target.base) return false;
        pop(); // the condition
        mv.visitJumpInsn(jumpIfTrue, target.label);
        target.targeted = true;
        return true;
    }

    /** if (spec 4.4.8), with the condition as the operands of {@code jumpIfTrue} on top of the stack. */
    private void ifBlock(CodeReader r, int jumpIfTrue) {
        pop(); // the condition
        Frame f = pushBlock(Kind.IF, r);
        f.label = new Label();
        f.elseLabel = new Label();
        mv.visitJumpInsn(NumericEmitter.invert(jumpIfTrue), f.elseLabel);
    }

    private void loop(CodeReader r) {
        Frame f = pushBlock(Kind.LOOP, r);
        f.label = new Label();
        mv.visitLabel(f.label);
        if (loopPolls.contains(r.instructionStart())) {
            if (inLinePolls) {
                // Rt.poll's body, with the guard invoked here (see POLL_IN_LINE_FROM)
                Label quiet = new Label();
                mv.visitFieldInsn(GETSTATIC, Jvm.RT, "INTERRUPT_GUARD", "Ljava/lang/invoke/MethodHandle;");
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", "()Z", false);
                mv.visitJumpInsn(IFEQ, quiet);
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "pollStore", "(" + Jvm.INSTANCE_DESC + ")V");
                mv.visitLabel(quiet);
            } else {
                mv.visitVarInsn(ALOAD, instanceSlot);
                Jvm.rt(mv, "poll", "(" + Jvm.INSTANCE_DESC + ")V");
            }
        }
    }

    private void instanceAndIndex(int index) {
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.pushInt(mv, index);
    }

    // ---- memory ----

    /** Whether this method's loads and stores are emitted in line ({@link MemoryEmitter#inLine}). */
    private final boolean inLineMemory;
    /** Whether loop polls invoke the guard in line ({@link #POLL_IN_LINE_FROM}). */
    private final boolean inLinePolls;
    /** This method's in-line memory accesses and their trap handler; created with the first access. */
    private MemoryEmitter memoryEmitter;

    /** Emits the handler of this method's memory accesses, if it has any, where no code falls through to it. */
    private void emitMemoryHandler() {
        if (memoryEmitter == null) return;
        Label after = new Label();
        mv.visitJumpInsn(GOTO, after);
        memoryEmitter.emitHandler();
        mv.visitLabel(after);
    }

    private void memoryAccess(Opcode op, long offset) {
        if (offset <= Integer.MAX_VALUE && inLineMemory) {
            if (memoryEmitter == null) memoryEmitter = new MemoryEmitter(mv, memorySlot, limitSlot);
            scratchNext = memoryEmitter.emit(op, (int) offset, scratchNext);
            applySignature(op);
            return;
        }
        String name = switch (op) {
            case I32_LOAD -> "i32Load";
            case I64_LOAD -> "i64Load";
            case F32_LOAD -> "f32Load";
            case F64_LOAD -> "f64Load";
            case I32_LOAD8_S -> "i32Load8S";
            case I32_LOAD8_U -> "i32Load8U";
            case I32_LOAD16_S -> "i32Load16S";
            case I32_LOAD16_U -> "i32Load16U";
            case I64_LOAD8_S -> "i64Load8S";
            case I64_LOAD8_U -> "i64Load8U";
            case I64_LOAD16_S -> "i64Load16S";
            case I64_LOAD16_U -> "i64Load16U";
            case I64_LOAD32_S -> "i64Load32S";
            case I64_LOAD32_U -> "i64Load32U";
            case I32_STORE -> "i32Store";
            case I64_STORE -> "i64Store";
            case F32_STORE -> "f32Store";
            case F64_STORE -> "f64Store";
            case I32_STORE8 -> "i32Store8";
            case I32_STORE16 -> "i32Store16";
            case I64_STORE8 -> "i64Store8";
            case I64_STORE16 -> "i64Store16";
            case I64_STORE32 -> "i64Store32";
            default -> throw new IllegalStateException("not a memory access: " + op);
        };
        Jvm.pushInt(mv, (int) offset);
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitVarInsn(ILOAD, limitSlot);
        StringBuilder desc = new StringBuilder("(");
        for (ValType t : op.pops()) desc.append(Jvm.desc(t));
        desc.append("I[BI)");
        desc.append(op.pushCount() == 0 ? "V" : Jvm.desc(op.push(0)));
        Jvm.rt(mv, name, desc.toString());
        applySignature(op);
    }

    // ---- variables ----

    private void globalGet(int index) {
        ValType t = module.allGlobals().get(index).valType();
        if (t == ValType.V128) {
            loadGlobal(index);
            mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Global", "get", "()J", false);
            loadGlobal(index);
            mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Global", "getHigh", "()J", false);
            push(t);
            push(t);
            return;
        }
        loadGlobal(index);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Global", "get", "()J", false);
        Jvm.fromLong(mv, t);
        push(t);
    }

    private void globalSet(int index) {
        ValType t = pop();
        if (t == ValType.V128) {
            pop();
            int hi = scratchNext;
            scratchNext += 4;
            mv.visitVarInsn(LSTORE, hi);
            mv.visitVarInsn(LSTORE, hi + 2);
            loadGlobal(index);
            mv.visitVarInsn(LLOAD, hi + 2);
            mv.visitVarInsn(LLOAD, hi);
            mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Global", "setV128", "(JJ)V", false);
            return;
        }
        Jvm.toLong(mv, t);
        loadGlobal(index);
        mv.visitInsn(DUP_X2);
        mv.visitInsn(POP);
        mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nebula/runtime/Global", "set", "(J)V", false);
    }

    private void loadGlobal(int index) {
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitFieldInsn(GETFIELD, Jvm.INSTANCE, "globals", "[Ldev/nebula/runtime/Global;");
        Jvm.pushInt(mv, index);
        mv.visitInsn(AALOAD);
    }

    /** select (spec 4.4.4): [a b c] → a if c ≠ 0, else b. */
    private void select() {
        pop();
        ValType t = pop();
        if (t == ValType.V128) {
            pop();
            selectV128();
            return;
        }
        Label first = new Label();
        Label done = new Label();
        mv.visitJumpInsn(IFNE, first);
        // keep b: drop a, which is under it
        dropSecond(t);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(first);
        Jvm.pop(mv, t);
        mv.visitLabel(done);
    }

    /** select of two v128s, [aLo aHi bLo bHi c]: b goes to scratch locals and comes back if c = 0. */
    private void selectV128() {
        int c = scratchNext;
        int b = scratchNext + 1;
        scratchNext += 5;
        mv.visitVarInsn(ISTORE, c);
        mv.visitVarInsn(LSTORE, b + 2);
        mv.visitVarInsn(LSTORE, b);
        Label done = new Label();
        mv.visitVarInsn(ILOAD, c);
        mv.visitJumpInsn(IFNE, done);
        mv.visitInsn(POP2);
        mv.visitInsn(POP2);
        mv.visitVarInsn(LLOAD, b);
        mv.visitVarInsn(LLOAD, b + 2);
        mv.visitLabel(done);
    }

    private void dropSecond(ValType t) {
        if (Jvm.size(t) == 1) {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        } else {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        }
    }

    // ---- control (spec 4.4.8) ----

    private Frame pushBlock(Kind kind, CodeReader r) {
        ValType[][] signature = blockSignature(r);
        return push(kind, signature[0], signature[1]);
    }

    /** A block type's parameters and results (spec 3.2.2). */
    private ValType[][] blockSignature(CodeReader r) {
        ValType[] params;
        ValType[] results;
        int bt = r.blockType();
        if (bt == CodeReader.BLOCK_EMPTY) {
            params = new ValType[0];
            results = new ValType[0];
        } else if (bt == CodeReader.BLOCK_VALUE) {
            params = new ValType[0];
            results = new ValType[] {r.blockValueType()};
        } else {
            FuncType ft = module.types().get(bt);
            params = ft.params().toArray(new ValType[0]);
            results = ft.results().toArray(new ValType[0]);
        }
        return new ValType[][] {Jvm.halves(params), Jvm.halves(results)};
    }

    private Frame push(Kind kind, ValType[] params, ValType[] results) {
        if (depth == frames.length) frames = Arrays.copyOf(frames, depth * 2);
        Frame f = frames[depth];
        if (f == null) f = frames[depth] = new Frame();
        f.kind = kind;
        f.params = params;
        f.results = results;
        f.base = sp - params.length;
        f.unreachable = false;
        f.targeted = false;
        f.hasElse = false;
        f.elseLabel = null;
        f.regionExit = -1;
        f.dispatch = null;
        f.nest = null;
        f.nestLevel = 0;
        depth++;
        return f;
    }

    private Frame frameAt(int label) {
        return frames[depth - 1 - label];
    }

    private void markUnreachable() {
        Frame f = frames[depth - 1];
        f.unreachable = true;
        sp = f.base;
    }

    private void doElse() {
        Frame f = frames[depth - 1];
        if (!f.unreachable) {
            mv.visitJumpInsn(GOTO, f.label);
            f.targeted = true;
        }
        mv.visitLabel(f.elseLabel);
        f.hasElse = true;
        f.unreachable = false;
        sp = f.base;
        for (ValType t : f.params) push(t);
    }

    private void doEnd() {
        Frame f = frames[depth - 1];
        boolean reachable = !f.unreachable;
        if (f.kind == Kind.IF && !f.hasElse) {
            // the false branch skips straight here with the block's parameters, which equal its results
            mv.visitLabel(f.elseLabel);
            reachable = true;
        }
        if (f.kind == Kind.FUNCTION) {
            depth--;
            if (reachable) {
                sp = f.base;
                for (ValType t : f.results) push(t);
                emitReturn();
            }
            return;
        }
        if (f.kind != Kind.LOOP && f.targeted) {
            mv.visitLabel(f.label);
            reachable = true;
        }
        depth--;
        sp = f.base;
        for (ValType t : f.results) push(t);
        if (regionMode && !chunkMode && depth == floor) {
            if (reachable) exitRegion(endCode, f.results.length);
            return;
        }
        if (!reachable) markUnreachable();
    }

    /** Whether a branch to {@code target} is a plain jump: no operands to drop under its values. */
    private boolean directBranch(Frame target) {
        return target.kind != Kind.FUNCTION && target.regionExit < 0 && target.dispatch == null
                && sp - target.branchTypes().length == target.base;
    }

    /** Jumps to {@code target}'s label with its values on top, dropping anything under them first. Leaves the type stack as it was. */
    private void branch(Frame target) {
        if (target.kind == Kind.FUNCTION) {
            emitReturn();
            return;
        }
        if (target.regionExit > 0) {
            exitRegion(target.regionExit, target.branchTypes().length);
            return;
        }
        if (target.dispatch != null) {
            // a nest block carries no values
            for (int i = sp - 1; i >= target.base; i--) Jvm.pop(mv, stack[i]);
            Jvm.pushInt(mv, target.nestLevel);
            mv.visitVarInsn(ISTORE, target.dispatch.levelSlot);
            mv.visitJumpInsn(GOTO, target.dispatch.label);
            return;
        }
        ValType[] values = target.branchTypes();
        int extra = sp - values.length - target.base;
        if (extra > 0) {
            int[] slots = spill(values.length);
            for (int i = sp - values.length - 1; i >= target.base; i--) Jvm.pop(mv, stack[i]);
            unspill(slots, values.length);
        }
        mv.visitJumpInsn(GOTO, target.label);
        target.targeted = true;
    }

    private void brTable(CodeReader r) {
        pop();
        int n = r.labelCount();
        int[] targets = r.labelsCopy();
        if (n + 1 <= BR_TABLE_CHUNK && allToOneNest(targets, n)) {
            int indexSlot = scratchNext++;
            mv.visitVarInsn(ISTORE, indexSlot);
            dispatchByTable(targets, n, indexSlot, frameAt(targets[0]).nest);
            markUnreachable();
            return;
        }
        Label[] jumps = new Label[n];
        Label[] byDepth = new Label[depth];
        Label dflt = null;
        List<Integer> trampolines = new ArrayList<>();
        Label sharedExit = sharesExits(targets, n) ? new Label() : null;
        // branches to nest levels dispatched by level share a path per nest, which finds the
        // level from the index (a trampoline each would cost ten bytes a label)
        java.util.Map<NestDispatch, Label> byLevel = new java.util.LinkedHashMap<>(); // NestDispatch is compared by identity
        int indexSlot = -1;
        for (int i = 0; i <= n; i++) {
            int d = targets[i];
            Label l = byDepth[d];
            if (l == null) {
                Frame target = frameAt(d);
                if (sharedExit != null && target.regionExit > 0) {
                    l = sharedExit;
                } else if (target.dispatch != null && n + 1 <= BR_TABLE_CHUNK) {
                    l = byLevel.computeIfAbsent(target.dispatch, x -> new Label());
                } else if (directBranch(target)) {
                    l = target.label;
                    target.targeted = true;
                } else {
                    l = new Label();
                    trampolines.add(d);
                }
                byDepth[d] = l;
            }
            if (i < n) jumps[i] = l;
            else dflt = l;
        }
        if (sharedExit != null || !byLevel.isEmpty()) {
            // the shared exit finds its exit code from the index, so keep it
            indexSlot = scratchNext++;
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, indexSlot);
        }
        if (n == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, dflt);
        } else if (n <= LARGE_BR_TABLE) {
            mv.visitTableSwitchInsn(0, n - 1, dflt, jumps);
        } else {
            largeBrTable(targets, n, byDepth, dflt);
        }
        for (int d : trampolines) {
            mv.visitLabel(byDepth[d]);
            branch(frameAt(d));
        }
        if (sharedExit != null) {
            mv.visitLabel(sharedExit);
            exitRegionByTable(targets, n, indexSlot, frameAt(targets[n]).branchTypes().length);
        }
        for (java.util.Map.Entry<NestDispatch, Label> e : byLevel.entrySet()) {
            mv.visitLabel(e.getValue());
            dispatchByTable(targets, n, indexSlot, e.getKey());
        }
        markUnreachable();
    }

    /**
     * Whether a br_table's branches out of this region or chunk should share one exit path: with
     * more than a few distinct exits (shootout-switch's 4,094-way switch has a distinct exit per
     * label), a path per exit would make the method grow by ten bytes a label, past HotSpot's
     * 8,000-byte limit. Exit codes must fit the table of chars {@link #exitRegionByTable} reads.
     */
    private boolean sharesExits(int[] targets, int n) {
        if (n + 1 > BR_TABLE_CHUNK) return false;
        BitSet exits = new BitSet();
        for (int i = 0; i <= n; i++) {
            Frame target = frameAt(targets[i]);
            if (target.regionExit > 0) {
                if (target.regionExit > Character.MAX_VALUE) return false;
                exits.set(targets[i]);
            }
        }
        return exits.cardinality() > SHARED_EXITS;
    }

    /**
     * The one exit path of a br_table's branches out of the region (see {@link #sharesExits}):
     * every label of a br_table carries the same values (spec 3.3.5), so only the exit code
     * differs, and it comes from a string constant indexed by the br_table's operand in
     * {@code indexSlot} (past the end: the default's). A label that is not an exit has a dummy
     * code there, never read.
     */
    private void exitRegionByTable(int[] targets, int n, int indexSlot, int arity) {
        storeCarried(arity);
        for (int i = sp - arity - 1; i >= 0; i--) Jvm.pop(mv, stack[i]);
        StringBuilder codes = new StringBuilder(n + 1);
        for (int i = 0; i <= n; i++) {
            int code = frameAt(targets[i]).regionExit;
            if (code > 0) exitCodes.add(code);
            codes.append((char) Math.max(code, 0));
        }
        storeTableEntry(codes.toString(), indexSlot, n, exitCodeSlot);
        mv.visitJumpInsn(GOTO, exitTail);
    }

    /**
     * Stores {@code table.charAt(index)} in {@code resultSlot}, the br_table operand in
     * {@code indexSlot} first clamped to {@code n} (spec 4.4.8: an index past the labels takes the
     * default, the table's last entry).
     */
    private void storeTableEntry(String table, int indexSlot, int n, int resultSlot) {
        Label inRange = new Label();
        mv.visitVarInsn(ILOAD, indexSlot);
        Jvm.pushInt(mv, n);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFLT, inRange);
        Jvm.pushInt(mv, n);
        mv.visitVarInsn(ISTORE, indexSlot);
        mv.visitLabel(inRange);
        mv.visitLdcInsn(table);
        mv.visitVarInsn(ILOAD, indexSlot);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitVarInsn(ISTORE, resultSlot);
    }

    /**
     * Whether every label of a br_table is a block of one {@link SwitchNest} with buckets (a
     * switch's own table): then the level comes straight from the index ({@link #dispatchByTable})
     * and the nest's dispatch jumps to the case, kept here or in a bucket.
     */
    private boolean allToOneNest(int[] targets, int n) {
        NestDispatch nest = frameAt(targets[0]).nest;
        if (nest == null) return false;
        for (int i = 1; i <= n; i++) {
            if (frameAt(targets[i]).nest != nest) return false;
        }
        return true;
    }

    /**
     * The shared path of a br_table's branches to the levels of one {@link SwitchNest} that
     * dispatch (or, from {@link #allToOneNest}, to any of its levels): the level comes from a string constant indexed by the operand in {@code indexSlot}
     * (past the end: the default's); other labels have a dummy level there, never read.
     */
    private void dispatchByTable(int[] targets, int n, int indexSlot, NestDispatch dispatch) {
        StringBuilder levels = new StringBuilder(n + 1);
        Frame any = null;
        for (int i = 0; i <= n; i++) {
            Frame target = frameAt(targets[i]);
            if (target.nest == dispatch) any = target;
            levels.append((char) (target.nest == dispatch ? target.nestLevel : 0));
        }
        for (int i = sp - 1; i >= any.base; i--) Jvm.pop(mv, stack[i]);
        storeTableEntry(levels.toString(), indexSlot, n, dispatch.levelSlot);
        mv.visitJumpInsn(GOTO, dispatch.label);
    }

    /**
     * A br_table of thousands of labels would make a tableswitch of four bytes a label, past the
     * 64 KB method limit; its few distinct targets are numbered instead, the label vector becomes
     * string constants of target numbers (chunks of {@link #BR_TABLE_CHUNK}, so each constant
     * stays under the class file's 65,535-byte limit), and a small tableswitch picks the target.
     */
    private void largeBrTable(int[] targets, int n, Label[] byDepth, Label dflt) {
        int index = scratchNext++;
        mv.visitVarInsn(ISTORE, index);
        mv.visitVarInsn(ILOAD, index);
        Jvm.pushInt(mv, n);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
        mv.visitJumpInsn(IFGE, dflt);
        // numbered by label, not by depth: the exits of a region may share one label
        java.util.Map<Label, Integer> ordinal = new java.util.IdentityHashMap<>();
        List<Label> distinct = new ArrayList<>();
        StringBuilder all = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            Label l = byDepth[targets[i]];
            Integer o = ordinal.get(l);
            if (o == null) {
                o = distinct.size();
                ordinal.put(l, o);
                distinct.add(l);
            }
            all.append((char) o.intValue());
        }
        int chunks = (n + BR_TABLE_CHUNK - 1) / BR_TABLE_CHUNK;
        Label pick = new Label();
        Label[] chunkLabels = new Label[chunks];
        for (int c = 0; c < chunks; c++) chunkLabels[c] = new Label();
        mv.visitVarInsn(ILOAD, index);
        Jvm.pushInt(mv, BR_TABLE_CHUNK);
        mv.visitInsn(IDIV);
        mv.visitTableSwitchInsn(0, chunks - 1, dflt, chunkLabels);
        for (int c = 0; c < chunks; c++) {
            mv.visitLabel(chunkLabels[c]);
            mv.visitLdcInsn(all.substring(c * BR_TABLE_CHUNK, Math.min(n, (c + 1) * BR_TABLE_CHUNK)));
            mv.visitVarInsn(ILOAD, index);
            Jvm.pushInt(mv, c * BR_TABLE_CHUNK);
            mv.visitInsn(ISUB);
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
            mv.visitJumpInsn(GOTO, pick);
        }
        mv.visitLabel(pick);
        mv.visitTableSwitchInsn(0, distinct.size() - 1, dflt, distinct.toArray(new Label[0]));
    }

    /** Returns from the function with its results on top of the stack (more than one are packed into a long[]). */
    private void emitReturn() {
        List<ValType> results = Jvm.halves(type.results());
        if (results.size() > 1) packResults(results);
        if (results.isEmpty()) mv.visitInsn(RETURN);
        else if (results.size() == 1) mv.visitInsn(Jvm.ret(results.get(0)));
        else mv.visitInsn(ARETURN);
    }

    /** Replaces the top {@code types.size()} values with one long[] of them in API form. */
    private void packResults(List<ValType> types) {
        int n = types.size();
        int[] slots = spill(n);
        Jvm.pushInt(mv, n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int i = 0; i < n; i++) {
            ValType t = types.get(i);
            mv.visitInsn(DUP);
            Jvm.pushInt(mv, i);
            mv.visitVarInsn(Jvm.load(t), slots[i]);
            Jvm.toLong(mv, t);
            mv.visitInsn(LASTORE);
        }
    }

    /** Stores the top {@code n} values of the type stack (without popping the type stack) in fresh scratch locals, deepest first in the result. */
    private int[] spill(int n) {
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            ValType t = stack[sp - n + i];
            slots[i] = scratchNext;
            scratchNext += Jvm.size(t);
        }
        for (int i = n - 1; i >= 0; i--) mv.visitVarInsn(Jvm.store(stack[sp - n + i]), slots[i]);
        return slots;
    }

    private void unspill(int[] slots, int n) {
        for (int i = 0; i < n; i++) mv.visitVarInsn(Jvm.load(stack[sp - n + i]), slots[i]);
    }

    // ---- switches: a nest of blocks compiled by level (see SwitchNest) ----

    /**
     * Compiles the {@link SwitchNest} whose outermost block the reader has just read: its blocks
     * become frames (those whose tails go to buckets dispatch by level, see {@link #branch}), the
     * innermost body is compiled here, then the dispatch: a string constant maps a level to the
     * tails kept here (labels of ordinary frames) or to the call of the bucket method holding it.
     * The reader is left at the end of the innermost block whose tail stays here (B<sub>0</sub> if
     * none), so the caller's loop compiles those tails as ordinary code.
     */
    private void switchNest(CodeReader r, SwitchNest nest) {
        int n = nest.levels;
        int m = nest.inlineLevels;
        int base = depth; // B_0's frame index
        NestDispatch dispatch = new NestDispatch();
        dispatch.levelSlot = scratchBase;
        dispatch.codeSlot = scratchBase + 1;
        dispatch.inlineLevels = m;
        scratchBase += 2;
        scratchNext = Math.max(scratchNext, scratchBase);
        for (int k = 0; k <= n; k++) {
            if (k > 0) r.next();
            Frame f = pushBlock(Kind.BLOCK, r);
            f.label = new Label();
            if (m < n) {
                f.nest = dispatch;
                f.nestLevel = k;
                if (k > m) f.dispatch = dispatch;
            }
        }
        // the innermost body, up to B_n's end
        while (true) {
            Opcode op = r.next();
            scratchNext = scratchBase;
            if (r.instructionStart() == nest.endAt[n]) break;
            step(op, r, true);
        }
        if (m == n) {
            // every tail stays here: an ordinary nest of blocks from here on
            r.position(nest.endAt[n]);
            return;
        }
        if (!frames[depth - 1].unreachable) branch(frames[depth - 1]); // falling out of B_n goes on at tail n
        markUnreachable();
        // every bucket's code goes first (a bucket's locals are known once it is compiled)
        int buckets = nest.buckets.size();
        FunctionCompiler[] compiled = new FunctionCompiler[buckets];
        String[] names = new String[buckets];
        BitSet used = new BitSet();
        BitSet written = new BitSet();
        Set<Integer> outer = new TreeSet<>();
        boolean toLevels = false;
        for (int b = 0; b < buckets; b++) {
            names[b] = ModuleLayout.methodName(function) + "_r" + regionCounter[0]++;
            MethodVisitor rmv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, names[b], REGION_DESC, null, null);
            compiled[b] = new FunctionCompiler(layout, function, cv, rmv, regions, loopPolls, regionCounter, true);
            compiled[b].outlinedLocals = outlinedLocals();
            compiled[b].emitBucket(names[b], nest, nest.buckets.get(b)[0], nest.buckets.get(b)[1], frames, base);
            used.or(compiled[b].usedLocals);
            written.or(compiled[b].writtenLocals);
            for (int c : compiled[b].exitCodes) {
                if (c > base) toLevels = true;
                else outer.add(c); // a bucket's own end is a level's code, so 0 is never among them
            }
        }
        usedLocals.or(used);
        writtenLocals.or(written);
        inlineBytes += 2 * (used.cardinality() + written.cardinality()) + 8 * buckets;
        // the dispatch: the locals go to the frame once, then the level picks a case kept here
        // or the call of the bucket holding it
        mv.visitLabel(dispatch.label);
        storeLocals(used);
        StringBuilder ordinals = new StringBuilder(n + 1);
        for (int k = 0; k <= n; k++) ordinals.append((char) (k <= m ? k : m + 1 + nest.bucketOf(k)));
        Label[] targets = new Label[m + 1 + buckets];
        for (int k = 0; k <= m; k++) {
            targets[k] = frames[base + k].label;
            frames[base + k].targeted = true;
        }
        for (int b = 0; b < buckets; b++) targets[m + 1 + b] = new Label();
        Label bad = new Label();
        mv.visitLdcInsn(ordinals.toString());
        mv.visitVarInsn(ILOAD, dispatch.levelSlot);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitTableSwitchInsn(0, targets.length - 1, bad, targets);
        mv.visitLabel(bad);
        throwIllegalState(mv, "switch level out of range");
        Label returned = new Label();
        for (int b = 0; b < buckets; b++) {
            mv.visitLabel(targets[m + 1 + b]);
            if (nest.buckets.get(b)[0] < nest.buckets.get(b)[1]) {
                mv.visitVarInsn(ALOAD, frameSlot);
                Jvm.pushInt(mv, carryBase);
                mv.visitVarInsn(ILOAD, dispatch.levelSlot);
                mv.visitInsn(I2L);
                mv.visitInsn(LASTORE);
            }
            mv.visitVarInsn(ALOAD, frameSlot);
            mv.visitVarInsn(ILOAD, depthSlot);
            mv.visitVarInsn(ALOAD, instanceSlot);
            mv.visitMethodInsn(INVOKESTATIC, layout.owner(function), names[b], REGION_DESC, false);
            if (b < buckets - 1) mv.visitJumpInsn(GOTO, returned);
        }
        mv.visitLabel(returned);
        bucketReturned(base, dispatch, written, toLevels, outer);
        mv.visitLabel(dispatch.inline);
        mv.visitVarInsn(ILOAD, dispatch.levelSlot);
        mv.visitTableSwitchInsn(0, m, bad, Arrays.copyOf(targets, m + 1));
        depth = base + m + 1;
        markUnreachable(); // the tails kept here are reached through their labels only
        r.position(nest.endAt[m]);
    }

    /**
     * After a bucket call, with its exit code on the stack: the written locals come back, and the
     * code of a nest block B<sub>k</sub> ({@code base + k + 1}: a branch to it, or the end of the
     * bucket's lowest level's block) goes on at level k, any other code is a branch out of the
     * nest, carried out here.
     */
    private void bucketReturned(int base, NestDispatch dispatch, BitSet written, boolean toLevels, Set<Integer> outer) {
        mv.visitVarInsn(ISTORE, dispatch.codeSlot);
        loadLocals(written);
        reloadMemory();
        Label outside = new Label();
        if (toLevels) {
            if (!outer.isEmpty()) {
                mv.visitVarInsn(ILOAD, dispatch.codeSlot);
                Jvm.pushInt(mv, base + 1);
                mv.visitJumpInsn(IF_ICMPLT, outside);
            }
            mv.visitVarInsn(ILOAD, dispatch.codeSlot);
            Jvm.pushInt(mv, base + 1);
            mv.visitInsn(ISUB);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, dispatch.levelSlot);
            Jvm.pushInt(mv, dispatch.inlineLevels);
            mv.visitJumpInsn(IF_ICMPGT, dispatch.label);
            mv.visitJumpInsn(GOTO, dispatch.inline);
        }
        if (outer.isEmpty()) {
            if (!toLevels) throwIllegalState(mv, "a switch bucket returned an unknown exit code");
            return;
        }
        mv.visitLabel(outside);
        int[] keys = outer.stream().mapToInt(Integer::intValue).toArray();
        Label[] labels = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) labels[i] = new Label();
        Label unknown = new Label();
        branchByExitCode(dispatch.codeSlot, keys, labels, unknown);
        mv.visitLabel(unknown);
        throwIllegalState(mv, "a switch bucket returned an unknown exit code");
    }

    /**
     * The body of bucket method for the tails {@code hi} down to {@code lo} of {@code nest}: the
     * blocks of levels below {@code lo - 1} (and everything outside the nest) are exits, B<sub>lo-1</sub>
     * is the method's own block (its end is exit code 0) and B<sub>lo</sub> to B<sub>hi-1</sub> are
     * ordinary blocks; a tableswitch on the level in the frame enters at the right tail.
     */
    private void emitBucket(String name, SwitchNest nest, int lo, int hi, Frame[] callerFrames, int base) {
        Label prologue = beginOutlined();
        int start = nest.tailStart(hi);
        enterOutlined(start, callerFrames, base + lo - 1);
        endCode = base + lo; // B_lo-1's code in the caller
        for (int k = lo - 1; k < hi; k++) {
            Frame f = push(Kind.BLOCK, new ValType[0], new ValType[0]);
            f.label = new Label();
        }
        if (lo < hi) {
            Label first = new Label();
            Label bad = new Label();
            Label[] entries = new Label[hi - lo + 1];
            for (int k = lo; k < hi; k++) {
                Frame f = frames[floor + k - (lo - 1)];
                f.targeted = true;
                entries[k - lo] = f.label;
            }
            entries[hi - lo] = first;
            mv.visitVarInsn(ALOAD, frameSlot);
            Jvm.pushInt(mv, carryBase);
            mv.visitInsn(LALOAD);
            mv.visitInsn(L2I);
            mv.visitTableSwitchInsn(lo, hi, bad, entries);
            mv.visitLabel(bad);
            throwIllegalState(mv, "switch level out of range");
            mv.visitLabel(first);
        }
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, body.codeEnd());
        emitBody(r);
        endOutlined(prologue, r.position());
        Label end = new Label();
        mv.visitLabel(end);
        layout.methodSizes.put(name, end.getOffset());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    // ---- regions: blocks compiled as methods of their own (see Outliner) ----

    /**
     * Compiles the block or loop at the reader into a region method and calls it: the carried
     * values and every local go into the frame array, the region returns an exit code, and the
     * locals come back. Code 0 means the block ended normally (its results are in the frame);
     * code {@code c > 0} is a branch to this function's frame {@code c - 1} (the function frame
     * itself for a return), carried out here with the values the region left in the frame.
     */
    private void callRegion(CodeReader r) {
        ValType[][] signature = blockSignature(r);
        ValType[] params = signature[0];
        ValType[] results = signature[1];
        String name = ModuleLayout.methodName(function) + "_r" + regionCounter[0]++;
        MethodVisitor rmv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, name, REGION_DESC, null, null);
        FunctionCompiler region = new FunctionCompiler(layout, function, cv, rmv, regions, loopPolls, regionCounter, true);
        region.outlinedLocals = outlinedLocals();
        int resume = region.emitRegion(name, r.instructionStart(), frames, depth, params);
        invokeOutlined(name, region, params.length, results, r, resume);
    }

    /**
     * Moves the code from the reader to the end of the current block into a chunk method (which
     * hands what is left past its own budget to a nested chunk), carrying the block's operands
     * in and its values at the end out through the frame; this method goes on at that end (or,
     * when the rest of the block is unreachable, skips to it).
     */
    private void callChunk(CodeReader r) {
        String name = ModuleLayout.methodName(function) + "_r" + regionCounter[0]++;
        MethodVisitor rmv = cv.visitMethod(ACC_PUBLIC | ACC_STATIC, name, REGION_DESC, null, null);
        FunctionCompiler chunk = new FunctionCompiler(layout, function, cv, rmv, regions, loopPolls, regionCounter, true);
        chunk.outlinedLocals = outlinedLocals();
        ValType[] operands = Arrays.copyOfRange(stack, frames[depth - 1].base, sp);
        int resume = chunk.emitChunk(name, r.instructionStart(), frames, depth, operands);
        invokeOutlined(name, chunk, operands.length, chunk.chunkResults == null ? new ValType[0] : chunk.chunkResults, r, resume);
    }

    private OutlinedLocals outlinedLocals() {
        if (outlinedLocals == null) outlinedLocals = new OutlinedLocals(module, function, localTypes.length);
        return outlinedLocals;
    }

    /**
     * Calls a compiled region or chunk and carries out the exit it returns (see {@link #callRegion}).
     * Only the locals it needs go into the frame, and only those it hands back come out
     * ({@link OutlinedLocals}).
     */
    private void invokeOutlined(String name, FunctionCompiler region, int paramCount, ValType[] results, CodeReader r, int resume) {
        BitSet needed = region.crossing.loads();
        BitSet written = region.crossing.stores();
        usedLocals.or(region.usedLocals);
        writtenLocals.or(written);
        inlineBytes += 2 * (needed.cardinality() + written.cardinality()) + 10;
        storeCarried(paramCount);
        sp -= paramCount;
        storeLocals(needed);
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitMethodInsn(INVOKESTATIC, layout.owner(function), name, REGION_DESC, false);
        int code = scratchNext++;
        mv.visitVarInsn(ISTORE, code);
        loadLocals(written);
        reloadMemory();
        Set<Integer> codes = region.exitCodes;
        boolean ends = codes.contains(0);
        List<Integer> exits = new ArrayList<>();
        boolean passThrough = false;
        for (int c : codes) {
            if (c > 0 && c <= floor) {
                passThrough = true; // a label outside this region too
                exitCodes.add(c);
            }
            else if (c > floor) exits.add(c);
        }
        Label normal = new Label();
        if (codes.isEmpty()) {
            // the region always traps: nothing returns here, but the JVM wants a terminated path
            throwIllegalState(mv, "a region that cannot return returned");
        }
        if (passThrough) {
            // exits to labels outside this region too leave it with the same code: the carried
            // values stay where they are in the frame
            Label inside = new Label();
            mv.visitVarInsn(ILOAD, code);
            Jvm.pushInt(mv, floor);
            mv.visitJumpInsn(IF_ICMPGT, inside);
            if (ends) {
                mv.visitVarInsn(ILOAD, code);
                mv.visitJumpInsn(IFEQ, normal);
            }
            for (int i = sp - 1; i >= 0; i--) Jvm.pop(mv, stack[i]);
            mv.visitVarInsn(ILOAD, code);
            mv.visitVarInsn(ISTORE, exitCodeSlot);
            mv.visitJumpInsn(GOTO, exitTail);
            mv.visitLabel(inside);
            if (exits.isEmpty() && !ends) throwIllegalState(mv, "a region returned an unknown exit code");
        }
        if (dispatchExits(exits, code) && exits.isEmpty() && !ends) {
            throwIllegalState(mv, "a region returned an unknown exit code");
        }
        if (!exits.isEmpty()) {
            int[] keys = new int[exits.size()];
            Label[] labels = new Label[exits.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = exits.get(i);
                labels[i] = new Label();
            }
            branchByExitCode(code, keys, labels, ends ? normal : labels[0]);
        }
        r.position(resume);
        if (ends) {
            mv.visitLabel(normal);
            loadCarried(results);
        } else {
            markUnreachable();
        }
    }

    /**
     * The branches out of an outlined method or a switch bucket: a {@code lookupswitch} on the
     * exit code in {@code codeSlot}, where key {@code k} is a branch to the frame at depth
     * {@code k - 1}, taken with the values it carries (loaded from the frame array); any other
     * code goes to {@code otherwise}.
     */
    private void branchByExitCode(int codeSlot, int[] keys, Label[] labels, Label otherwise) {
        mv.visitVarInsn(ILOAD, codeSlot);
        mv.visitLookupSwitchInsn(otherwise, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            mv.visitLabel(labels[i]);
            Frame target = frames[keys[i] - 1];
            int saved = sp;
            loadCarried(target.branchTypes());
            branch(target);
            sp = saved;
        }
    }

    /**
     * Carries out the exits (from {@code exits}, codes in {@code codeSlot}) to nest levels that
     * dispatch by level (see {@link #switchNest}) with one range check per nest, since a switch's
     * thousands of levels would make a lookupswitch entry and a branch each; removes them from
     * {@code exits} and returns whether there were any. The levels of a nest are consecutive
     * frames, so their codes are consecutive and none other is in their range.
     */
    private boolean dispatchExits(List<Integer> exits, int codeSlot) {
        java.util.Map<NestDispatch, int[]> ranges = new java.util.LinkedHashMap<>();
        for (int c : exits) {
            Frame target = frames[c - 1];
            if (target.dispatch == null) continue;
            int[] range = ranges.computeIfAbsent(target.dispatch, d -> new int[] {c, c, c - 1 - target.nestLevel});
            range[0] = Math.min(range[0], c);
            range[1] = Math.max(range[1], c);
        }
        if (ranges.isEmpty()) return false;
        exits.removeIf(c -> frames[c - 1].dispatch != null);
        for (java.util.Map.Entry<NestDispatch, int[]> e : ranges.entrySet()) {
            int[] range = e.getValue();
            Label skip = new Label();
            mv.visitVarInsn(ILOAD, codeSlot);
            Jvm.pushInt(mv, range[0]);
            mv.visitJumpInsn(IF_ICMPLT, skip);
            mv.visitVarInsn(ILOAD, codeSlot);
            Jvm.pushInt(mv, range[1]);
            mv.visitJumpInsn(IF_ICMPGT, skip);
            for (int i = sp - 1; i >= frames[range[2]].base; i--) Jvm.pop(mv, stack[i]);
            mv.visitVarInsn(ILOAD, codeSlot);
            Jvm.pushInt(mv, range[2] + 1);
            mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, e.getKey().levelSlot);
            mv.visitJumpInsn(GOTO, e.getKey().label);
            mv.visitLabel(skip);
        }
        return true;
    }

    /**
     * The body of a region method {@code int (long[] frame, AotInstance)}: loads the locals and the
     * block's parameters from the frame, then compiles from the block at {@code start} to its end.
     * The caller's labels become exit frames. Returns the code offset just past the block.
     */
    private int emitRegion(String name, int start, Frame[] callerFrames, int callerDepth, ValType[] params) {
        Label prologue = beginOutlined();
        enterOutlined(start, callerFrames, callerDepth);
        loadCarried(params);
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, body.codeEnd());
        emitBody(r);
        endOutlined(prologue, r.position());
        emitMemoryHandler();
        Label end = new Label();
        mv.visitLabel(end);
        layout.methodSizes.put(name, end.getOffset());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return r.position();
    }

    /**
     * Starts a region or chunk method. Which locals it reads and writes is known only once its
     * code is compiled, so the prologue that loads them is emitted last: the method begins with
     * a jump to it, and it jumps back to the first instruction of the body (the returned label
     * marks the prologue).
     */
    private Label beginOutlined() {
        mv.visitCode();
        Label prologue = new Label();
        bodyStart = new Label();
        mv.visitJumpInsn(GOTO, prologue);
        mv.visitLabel(bodyStart);
        return prologue;
    }

    /**
     * What a region and a chunk method share on entry: an exit code slot and tail, and one exit
     * frame per label of the caller, so a branch out of the method returns which label it took.
     */
    private void enterOutlined(int start, Frame[] callerFrames, int callerDepth) {
        exitTail = new Label();
        exitCodeSlot = scratchBase;
        scratchBase++;
        for (int a = 0; a < callerDepth; a++) {
            Frame exit = push(Kind.BLOCK, new ValType[0], callerFrames[a].branchTypes());
            exit.regionExit = a + 1;
        }
        floor = callerDepth;
        regionStart = start;
    }

    /**
     * The shared exit tail (stores the written locals that cross the method's edges, returns the
     * code) and the deferred prologue; {@code end} is where the method's code ends.
     */
    private void endOutlined(Label prologue, int end) {
        crossing = outlinedLocals.crossing(regionStart, end, usedLocals, writtenLocals);
        if (!exitCodes.isEmpty()) {
            mv.visitLabel(exitTail);
            storeLocals(crossing.stores());
            mv.visitVarInsn(ILOAD, exitCodeSlot);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(prologue);
        loadLocals(usedLocals);
        reloadMemory();
        mv.visitJumpInsn(GOTO, bodyStart);
    }

    /**
     * The body of a chunk method: like a region, but with no block of its own. The caller's
     * labels are all exits (the innermost is the block the chunk's code sits in), and it stops
     * as {@link #callChunk} describes. Returns the offset where the caller goes on.
     */
    private int emitChunk(String name, int start, Frame[] callerFrames, int callerDepth, ValType[] operands) {
        Label prologue = beginOutlined();
        enterOutlined(start, callerFrames, callerDepth);
        chunkMode = true;
        chunkResults = null;
        loadCarried(operands); // the block's operands so far: an expression may continue in the chunk
        CodeReader r = new CodeReader(module.bytesUnsafe(), start, body.codeEnd());
        while (true) {
            int at = r.position();
            if (depth == floor && frames[depth - 1].unreachable) break; // the rest of the block is dead code
            Opcode op = r.next();
            scratchNext = scratchBase;
            if (depth == floor && (op == Opcode.END || op == Opcode.ELSE)) {
                r.position(at); // the caller closes its own block
                chunkResults = Arrays.copyOf(stack, sp);
                exitRegion(0, sp);
                break;
            }
            // past the budget the rest goes into a nested chunk, so that a long block becomes a
            // chain of chunks each calling the next, not one method calling them all
            step(op, r, r.instructionStart() != start);
        }
        endOutlined(prologue, r.position());
        emitMemoryHandler();
        Label end = new Label();
        mv.visitLabel(end);
        layout.methodSizes.put(name, end.getOffset());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return r.position();
    }

    /**
     * Leaves the region with {@code code}: the top {@code n} values go into the frame, anything
     * under them is dropped, and one shared tail stores the written locals and returns the code.
     */
    private void exitRegion(int code, int n) {
        storeCarried(n);
        for (int i = sp - n - 1; i >= 0; i--) Jvm.pop(mv, stack[i]);
        Jvm.pushInt(mv, code);
        mv.visitVarInsn(ISTORE, exitCodeSlot);
        mv.visitJumpInsn(GOTO, exitTail);
        exitCodes.add(code);
    }

    /** Pops the top {@code n} values (per the type stack, which stays as it is) into the frame's carried slots. */
    private void storeCarried(int n) {
        for (int j = n - 1; j >= 0; j--) {
            ValType t = stack[sp - n + j];
            Jvm.toLong(mv, t);
            int tmp = scratchNext;
            scratchNext += 2;
            mv.visitVarInsn(LSTORE, tmp);
            mv.visitVarInsn(ALOAD, frameSlot);
            Jvm.pushInt(mv, carryBase + j);
            mv.visitVarInsn(LLOAD, tmp);
            mv.visitInsn(LASTORE);
        }
    }

    /** Pushes values of {@code types} from the frame's carried slots, onto both stacks. */
    private void loadCarried(ValType[] types) {
        for (int j = 0; j < types.length; j++) {
            mv.visitVarInsn(ALOAD, frameSlot);
            Jvm.pushInt(mv, carryBase + j);
            mv.visitInsn(LALOAD);
            Jvm.fromLong(mv, types[j]);
            push(types[j]);
        }
    }

    private void storeLocals(BitSet which) {
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
            if (localTypes[i] == ValType.V128) {
                mv.visitVarInsn(ALOAD, frameSlot);
                Jvm.pushInt(mv, localFrame[i] + 1);
                mv.visitVarInsn(LLOAD, localSlots[i] + 2);
                mv.visitInsn(LASTORE);
            }
            mv.visitVarInsn(ALOAD, frameSlot);
            Jvm.pushInt(mv, localFrame[i]);
            mv.visitVarInsn(Jvm.load(localTypes[i]), localSlots[i]);
            Jvm.toLong(mv, localTypes[i]);
            mv.visitInsn(LASTORE);
        }
    }

    private void loadLocals(BitSet which) {
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
            if (localTypes[i] == ValType.V128) {
                mv.visitVarInsn(ALOAD, frameSlot);
                Jvm.pushInt(mv, localFrame[i] + 1);
                mv.visitInsn(LALOAD);
                mv.visitVarInsn(LSTORE, localSlots[i] + 2);
            }
            mv.visitVarInsn(ALOAD, frameSlot);
            Jvm.pushInt(mv, localFrame[i]);
            mv.visitInsn(LALOAD);
            Jvm.fromLong(mv, localTypes[i]);
            mv.visitVarInsn(Jvm.store(localTypes[i]), localSlots[i]);
        }
    }

    static void throwIllegalState(MethodVisitor mv, String message) {
        mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        mv.visitInsn(DUP);
        mv.visitLdcInsn(message);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        mv.visitInsn(ATHROW);
    }

    // ---- calls ----

    /** A direct call of {@code callee}, which ends at {@code callEnd} in the code. */
    private void call(int callee, int callEnd) {
        FuncType ft = module.functionType(callee);
        List<ValType> params = Jvm.halves(ft.params());
        if (callee < module.importedFunctionCount()) {
            packValues(params);
            mv.visitVarInsn(ILOAD, depthSlot);
            instanceAndIndex(callee);
            Jvm.rt(mv, "callImport", "([JI" + Jvm.INSTANCE_DESC + "I)[J");
            popN(params.size());
            unboxResults(Jvm.halves(ft.results()));
        } else if (callee == function && inlineSelf && !inlining) {
            inlineSelfCall();
            return;
        } else if (inlineCallees && callee != function && inlinableCallee(layout, callee) && innermostLoopCalls().contains(callEnd)) {
            inlineCall(callee);
            return;
        } else {
            mv.visitVarInsn(ILOAD, depthSlot);
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ALOAD, instanceSlot);
            mv.visitMethodInsn(INVOKESTATIC, layout.owner(callee), ModuleLayout.methodName(callee), Jvm.methodDesc(ft), false);
            popN(params.size());
            pushResults(Jvm.halves(ft.results()));
        }
        // the memory's array changes only when it grows: after a callee that cannot grow it
        // (not even through an import or call_indirect further down), the array in hand is current
        if (layout.mayGrowMemory(callee)) reloadMemory();
    }

    /**
     * A call of the function to itself, compiled in line: the arguments go into fresh locals
     * (the callee's own), the entry checks the depth and polls as the callee's method would, one
     * frame deeper, and the body is compiled as a block that {@code return} leaves. Its own
     * handler adds the function's frame to a trap from inside it, so a trap's trace names the
     * function once per Wasm frame, in line or not. Self calls inside it are real calls.
     */
    private void inlineSelfCall() {
        int[] outerSlots = localSlots;
        int outerDepth = depthSlot;
        int outerScratch = scratchBase;
        MemoryEmitter outerMemory = memoryEmitter;
        int outerFunctionFrame = functionFrame;
        int params = type.params().size();
        int[] slots = new int[localTypes.length];
        int slot = scratchBase;
        for (int i = 0; i < localTypes.length; i++) {
            slots[i] = slot;
            slot += Jvm.size(localTypes[i]);
        }
        int newDepth = slot++;
        for (int i = params - 1; i >= 0; i--) {
            mv.visitVarInsn(Jvm.store(localTypes[i]), slots[i]);
            pop();
        }
        for (int i = params; i < localTypes.length; i++) {
            Jvm.zero(mv, localTypes[i]);
            mv.visitVarInsn(Jvm.store(localTypes[i]), slots[i]);
        }
        enterInLineFrame(function, newDepth);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, Jvm.TRAP);
        mv.visitLabel(start);
        localSlots = slots;
        depthSlot = newDepth;
        scratchBase = slot;
        memoryEmitter = null;
        inlining = true;
        constEnd = -1;
        stepHeight = -1;
        runLocals.clear();
        Frame f = push(Kind.BLOCK, new ValType[0], Jvm.halves(type.results()).toArray(new ValType[0]));
        f.label = new Label();
        functionFrame = depth - 1;
        int outside = depth - 1;
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        do {
            Opcode op = r.next();
            scratchNext = scratchBase;
            step(op, r, false);
        } while (depth > outside);
        // inside the in-line frame's range, so that an out-of-bounds trap gets its frame
        emitMemoryHandler();
        mv.visitLabel(end);
        localSlots = outerSlots;
        depthSlot = outerDepth;
        scratchBase = outerScratch;
        scratchNext = outerScratch;
        memoryEmitter = outerMemory;
        inlining = false;
        functionFrame = outerFunctionFrame;
        constEnd = -1;
        stepHeight = -1;
        inLineFrameHandler(handler, function);
    }

    /**
     * The entry of an in-line frame of {@code callee}, as its method's entry would be: one frame
     * deeper (into {@code depthSlot}), the depth checked and the deadline polled. Emitted outside
     * the frame's handler, because the callee is not on the Wasm stack yet.
     */
    private void enterInLineFrame(int callee, int depthSlot) {
        mv.visitVarInsn(ILOAD, this.depthSlot);
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(IADD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, depthSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.rt(mv, pollsOnEntry(layout, callee) ? "enter" : "enterWithoutPoll", "(I" + Jvm.INSTANCE_DESC + ")V");
    }

    /** After an in-line frame's code: its {@code handler}, which adds {@code callee}'s frame to a trap from inside it, jumped over. */
    private void inLineFrameHandler(Label handler, int callee) {
        Label after = new Label();
        mv.visitJumpInsn(GOTO, after);
        mv.visitLabel(handler);
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.pushInt(mv, callee);
        mv.visitMethodInsn(INVOKESTATIC, Jvm.RT, "frame", TRAP_FRAME_DESC, false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(after);
    }

    /**
     * Where each call inside an innermost loop of the function ends in its code (the loop holds no
     * other loop): the calls {@link #inlineCall} takes. A call in a loop around other loops is left
     * a call: sieve's outer loop calls {@code memset} (whose own loops do the work) once per
     * iteration, and with it in line sieve ran 1.2 to 1.9 times slower (bench/RESULTS.md).
     */
    private Set<Integer> innermostLoopCalls() {
        if (innermostLoopCalls != null) return innermostLoopCalls;
        Set<Integer> found = new java.util.HashSet<>();
        // per open block: -1 for a block or if, else the index in calls where the loop's own calls start; nested loops mark it
        List<int[]> open = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        while (r.position() < body.codeEnd()) {
            Opcode op = r.next();
            switch (op) {
                case BLOCK, IF -> open.add(new int[] {-1, 0});
                case LOOP -> {
                    for (int i = open.size() - 1; i >= 0; i--) {
                        if (open.get(i)[0] >= 0) {
                            open.get(i)[1] = 1;
                            break;
                        }
                    }
                    open.add(new int[] {calls.size(), 0});
                }
                case CALL -> {
                    r.index();
                    calls.add(r.position());
                }
                case END -> {
                    if (open.isEmpty()) break;
                    int[] b = open.remove(open.size() - 1);
                    if (b[0] < 0) break;
                    if (b[1] == 0) found.addAll(calls.subList(b[0], calls.size()));
                    // the loop's calls are done with: an enclosing loop holds this one, so they are not its own
                    calls.subList(b[0], calls.size()).clear();
                }
                default -> { }
            }
        }
        return innermostLoopCalls = found;
    }

    /**
     * A call of a small leaf function ({@link #inlinableCallee}) in a loop, compiled in line by a
     * compiler of the callee's own writing into this method, its JVM locals above this one's:
     * the arguments go into the callee's locals, the entry checks the depth and polls as the
     * callee's method would (one frame deeper, outside its handler), and the body is a block that
     * {@code return} leaves, with the callee's own loop polls and memory-access handler. Its own
     * exception handler adds the callee's frame to a trap from inside it, so a trap's trace names
     * callee and caller as for a real call. The callee cannot grow memory, so the array and limit
     * in hand are handed over as they are (or read on entry when this method does not hold them).
     */
    private void inlineCall(int callee) {
        FuncType ft = module.functionType(callee);
        Set<Integer> calleePolls = POLLS ? LoopPolls.of(module, callee, f -> pollsOnEntry(layout, f)) : Set.of();
        FunctionCompiler c = new FunctionCompiler(layout, callee, cv, mv, Set.of(), calleePolls, new int[1], false, scratchNext);
        int params = ft.params().size();
        for (int i = params - 1; i >= 0; i--) {
            mv.visitVarInsn(Jvm.store(c.localTypes[i]), c.localSlots[i]);
            pop();
        }
        for (int i = params; i < c.localTypes.length; i++) {
            Jvm.zero(mv, c.localTypes[i]);
            mv.visitVarInsn(Jvm.store(c.localTypes[i]), c.localSlots[i]);
        }
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitVarInsn(ASTORE, c.instanceSlot);
        enterInLineFrame(callee, c.depthSlot);
        if (c.hasMemory) {
            if (hasMemory) {
                mv.visitVarInsn(ALOAD, memorySlot);
                mv.visitVarInsn(ASTORE, c.memorySlot);
                mv.visitVarInsn(ILOAD, limitSlot);
                mv.visitVarInsn(ISTORE, c.limitSlot);
            } else {
                c.reloadMemory();
            }
        }
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, Jvm.TRAP);
        mv.visitLabel(start);
        // an exception range may not be empty, and an empty callee's body emits nothing
        mv.visitInsn(NOP);
        c.emitInlineBody();
        mv.visitLabel(end);
        inLineFrameHandler(handler, callee);
        constEnd = -1;
        stepHeight = -1;
        for (ValType t : Jvm.halves(ft.results())) push(t);
        // a callee whose end cannot be reached (it only traps) leaves the rest of this block unreachable
        if (c.frames[0].unreachable) markUnreachable();
    }

    /** The body of a callee compiled in line ({@link #inlineCall}): a block that {@code return} leaves, and its memory handler, inside the in-line frame's range. */
    private void emitInlineBody() {
        // frame 0 stands for the caller's code, which nothing in the callee targets: it records whether the block's end is reachable
        push(Kind.BLOCK, new ValType[0], new ValType[0]).label = new Label();
        Frame f = push(Kind.BLOCK, new ValType[0], Jvm.halves(type.results()).toArray(new ValType[0]));
        f.label = new Label();
        functionFrame = 1;
        CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        do {
            Opcode op = r.next();
            scratchNext = scratchBase;
            step(op, r, false);
        } while (depth > 1);
        emitMemoryHandler();
    }

    private void callIndirect(int typeIndex, int table) {
        FuncType ft = module.types().get(typeIndex);
        // the element index is on the stack above the arguments; the dispatcher does the rest
        pop();
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        Jvm.pushInt(mv, table);
        int canonical = layout.canonicalType[typeIndex];
        mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.DISPATCH, ModuleLayout.dispatchName(canonical), ModuleLayout.dispatchDesc(ft), false);
        popN(Jvm.halves(ft.params()).size());
        pushResults(Jvm.halves(ft.results()));
        reloadMemory();
    }

    private void packValues(List<ValType> types) {
        int n = types.size();
        if (n == 0) {
            mv.visitInsn(ICONST_0);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            return;
        }
        packResults(types);
    }

    /** Turns the long[] of results on the stack into the values themselves. */
    private void unboxResults(List<ValType> results) {
        if (results.isEmpty()) {
            mv.visitInsn(POP);
            return;
        }
        if (results.size() == 1) {
            Jvm.pushInt(mv, 0);
            mv.visitInsn(LALOAD);
            Jvm.fromLong(mv, results.get(0));
            push(results.get(0));
            return;
        }
        unpack(results);
    }

    /** Pushes a callee's results: one value as is, several unpacked from the long[] it returned. */
    private void pushResults(List<ValType> results) {
        if (results.size() <= 1) {
            for (ValType t : results) push(t);
            return;
        }
        unpack(results);
    }

    private void unpack(List<ValType> results) {
        int array = scratchNext++;
        mv.visitVarInsn(ASTORE, array);
        for (int i = 0; i < results.size(); i++) {
            ValType t = results.get(i);
            mv.visitVarInsn(ALOAD, array);
            Jvm.pushInt(mv, i);
            mv.visitInsn(LALOAD);
            Jvm.fromLong(mv, t);
            push(t);
        }
    }

    // ---- the type stack ----

    private void push(ValType t) {
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp++] = t;
    }

    private ValType pop() {
        ValType t = stack[--sp];
        if (sp < stepHeight) stepHeight = -1;
        return t;
    }

    private void popN(int n) {
        sp -= n;
        if (sp < stepHeight) stepHeight = -1;
    }

    private void applySignature(Opcode op) {
        popN(op.popCount());
        for (int i = 0; i < op.pushCount(); i++) push(op.push(i));
    }
}
