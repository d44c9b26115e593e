package dev.nebula.aot.internal;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each compiled function lives: defined functions are cut into classes of at most
 * {@link #FUNCTIONS_PER_CLASS} functions and about {@link #CODE_BYTES_PER_CLASS} bytes of Wasm code,
 * which keeps every class's constant pool (65,535 entries) and size far from the JVM's limits
 * even for modules of thousands of functions. A pure function of the module, so the layout of
 * cached classes is recomputed rather than stored.
 */
final class ModuleLayout {

    static final String PACKAGE = "dev/nebula/aot/generated/";
    static final String DISPATCH = PACKAGE + "Dispatch";
    static final int FUNCTIONS_PER_CLASS = 256;
    static final int CODE_BYTES_PER_CLASS = 200_000;

    final DecodedModule module;
    /** Class index per defined function. */
    final int[] classOf;
    final int classCount;
    /** Per type index, the index of the first structurally equal type: call_indirect dispatches per such type. */
    final int[] canonicalType;
    /** The functions call_indirect can meet as this module's code, and their dispatch slots. */
    final IndirectTargets targets;
    /** The most values (v128 halves counted apart) any label or function carries: sizes the frame array of functions with regions. */
    final int maxArity;
    /** Bytecode size of each generated function and region method, by method name (for tests and diagnostics). */
    final Map<String, Integer> methodSizes = new java.util.concurrent.ConcurrentHashMap<>();

    private final dev.nebula.validator.ValidatedModule validated;

    ModuleLayout(dev.nebula.validator.ValidatedModule validated) {
        this.validated = validated;
        this.module = validated.module();
        DecodedModule module = this.module;
        int defined = module.bodies().size();
        classOf = new int[defined];
        int cls = 0;
        int count = 0;
        long bytes = 0;
        for (int i = 0; i < defined; i++) {
            int size = module.bodies().get(i).codeSize();
            if (count > 0 && (count >= FUNCTIONS_PER_CLASS || bytes + size > CODE_BYTES_PER_CLASS)) {
                cls++;
                count = 0;
                bytes = 0;
            }
            classOf[i] = cls;
            count++;
            bytes += size;
        }
        classCount = defined == 0 ? 0 : cls + 1;
        int arity = 1;
        for (FuncType t : module.types()) {
            arity = Math.max(arity, Math.max(Jvm.halves(t.params()).size(), Jvm.halves(t.results()).size()));
        }
        // a block's one value type (a v128: two halves) is in no type
        arity = Math.max(arity, 2);
        maxArity = arity;
        List<FuncType> types = module.types();
        canonicalType = new int[types.size()];
        Map<FuncType, Integer> first = new HashMap<>();
        for (int i = 0; i < types.size(); i++) canonicalType[i] = first.computeIfAbsent(types.get(i), t -> first.size());
        // computeIfAbsent numbers canonical types densely; map them back to a representative type index
        int[] representative = new int[first.size()];
        for (int i = types.size() - 1; i >= 0; i--) representative[canonicalType[i]] = i;
        for (int i = 0; i < types.size(); i++) canonicalType[i] = representative[canonicalType[i]];
        targets = IndirectTargets.of(module, canonicalType);
    }

    /**
     * Frame slots for the deepest operand stack of a defined function: what a chunk may carry
     * through the frame. The validator counts a value per operand, but a v128 travels as two
     * halves, so every operand gets room for two.
     */
    int maxStack(int functionIndex) {
        return 2 * validated.maxStackHeight(functionIndex);
    }

    static String className(int cls) {
        return PACKAGE + "Functions" + cls;
    }

    /** The class holding the defined function {@code functionIndex} (index space with imports first). */
    String owner(int functionIndex) {
        return className(classOf[functionIndex - module.importedFunctionCount()]);
    }

    static String methodName(int functionIndex) {
        return "f" + functionIndex;
    }

    /**
     * Whether the defined function {@code functionIndex} may have its calls to itself compiled
     * in line (see {@code FunctionCompiler.compile}): it calls itself directly, its code is
     * never outlined, and it is no larger than {@link #SELF_INLINE_MAX_BYTECODE} Wasm bytes, a
     * cheap first cut (the method holds the body at least twice); the method's measured size decides.
     */
    boolean mayInlineSelf(int functionIndex) {
        int defined = functionIndex - module.importedFunctionCount();
        if (defined < 0 || !codeFacts().callsItself[functionIndex]) return false;
        int size = module.bodies().get(defined).codeSize();
        return size <= SELF_INLINE_MAX_BYTECODE && size <= Outliner.BUDGET;
    }

    /**
     * Bytecode bytes up to which a self-recursive function's method, with its self calls in line,
     * is compiled that way; 0 turns it off. The system property
     * {@code nebula.aot.recursion.maxBytecode}, read once here. 325 is C2's {@code FreqInlineSize}
     * (JDK 17, x86_64): a larger method is not inlined into itself at a hot call site, which is
     * what the in-line level relies on to run four levels per real call. Measured: bench/RESULTS.md,
     * "Small recursive functions: one level in line".
     */
    static final int SELF_INLINE_MAX_BYTECODE = Integer.getInteger("nebula.aot.recursion.maxBytecode", 325);

    static String dispatchName(int canonicalType) {
        return "callIndirect" + canonicalType;
    }

    /**
     * Descriptor of a call_indirect dispatcher: the callee's parameters, the element index, the
     * caller's depth and instance, and the table index.
     */
    static String dispatchDesc(FuncType type) {
        return "(" + Jvm.paramsDesc(type.params()) + "II" + Jvm.INSTANCE_DESC + "I)" + Jvm.resultDesc(type.results());
    }

    /** Descriptor of a dispatcher's general path: the parameters, the resolved function, the caller's depth and instance. */
    static String dispatchGenericDesc(FuncType type) {
        return "(" + Jvm.paramsDesc(type.params()) + "L" + Jvm.WASM_FUNCTION + ";I" + Jvm.INSTANCE_DESC + ")"
                + Jvm.resultDesc(type.results());
    }

    /**
     * Whether a call to {@code functionIndex} may grow memory, so the caller must re-read the
     * memory's array after it.
     */
    boolean mayGrowMemory(int functionIndex) {
        return codeFacts().mayGrow[functionIndex];
    }

    /** Whether {@code functionIndex}'s code loads or stores through memory 0's array, so it keeps the array in a local. */
    boolean accessesMemoryArray(int functionIndex) {
        return codeFacts().accessesArray[functionIndex];
    }

    /** How many loads and stores {@code functionIndex}'s code has (see {@link MemoryEmitter#inLine}). */
    int memoryAccessCount(int functionIndex) {
        return codeFacts().accessCount[functionIndex];
    }

    /** Whether {@code functionIndex} (a defined function) has a call or call_indirect, so it polls interruption on entry. */
    boolean makesCalls(int functionIndex) {
        return codeFacts().makesCalls[functionIndex];
    }

    /** Computed on first use, which only compiling makes (the cache path never asks); a racy cache of an immutable answer. */
    private CodeFacts codeFacts() {
        CodeFacts facts = codeFacts;
        if (facts == null) codeFacts = facts = CodeFacts.of(module);
        return facts;
    }

    private volatile CodeFacts codeFacts;

    boolean hasMemory() {
        return !module.allMemories().isEmpty();
    }
}
