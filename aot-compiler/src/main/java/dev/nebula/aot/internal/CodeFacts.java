package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FunctionBody;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What compiled code needs to know about each function, from one pass over the module's code.
 * Which functions make calls at all: only those poll interruption on entry (see
 * {@link FunctionCompiler}). Which functions read or write memory 0 through its array (loads and
 * stores, SIMD's included): only those keep the array in a local. And which functions may grow memory
 * during a call, so compiled callers re-read the array only after those (spec 4.4.7: only {@code memory.grow} replaces a memory's bytes with longer
 * ones; a memory shared with other instances grows only through code reached by a call). A
 * function may grow memory when it executes {@code memory.grow}, calls an import or uses
 * {@code call_indirect} (either may reach any code, host functions included), or calls a defined
 * function that may: the answer is closed over the direct-call graph. A call-bound workload
 * such as recursive {@code fib} then keeps its array in a register across calls. And which
 * functions call themselves directly: small ones have those calls compiled in line ({@link ModuleLayout#mayInlineSelf}).
 */
final class CodeFacts {

    /** Per function index (imports first, all true), whether calling it may grow memory. */
    final boolean[] mayGrow;
    /** Per function index (imports false), whether its code loads or stores through memory 0's array. */
    final boolean[] accessesArray;
    /** Per function index (imports false), whether its code has a call or call_indirect. */
    final boolean[] makesCalls;
    /** Per function index (imports 0), how many loads and stores (SIMD's included) its code has. */
    final int[] accessCount;
    /** Per function index (imports false), whether its code calls itself directly (a {@code call} of its own index). */
    final boolean[] callsItself;

    private CodeFacts(boolean[] mayGrow, boolean[] accessesArray, boolean[] makesCalls, int[] accessCount, boolean[] callsItself) {
        this.mayGrow = mayGrow;
        this.accessesArray = accessesArray;
        this.makesCalls = makesCalls;
        this.accessCount = accessCount;
        this.callsItself = callsItself;
    }

    static CodeFacts of(DecodedModule module) {
        int imported = module.importedFunctionCount();
        int total = module.functionCount();
        boolean[] grows = new boolean[total];
        boolean[] accesses = new boolean[total];
        boolean[] calls = new boolean[total];
        int[] accessCount = new int[total];
        boolean[] self = new boolean[total];
        Arrays.fill(grows, 0, imported, true);
        // callers[callee] lists each defined caller of callee once per call site (as a growable int array)
        int[][] callers = new int[total][];
        int[] callerCount = new int[total];
        for (int f = imported; f < total; f++) {
            FunctionBody body = module.bodies().get(f - imported);
            CodeReader r = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
            while (r.position() < body.codeEnd()) {
                Opcode op = r.next();
                Immediate immediate = op.immediate();
                if (immediate == Immediate.MEMARG || immediate == Immediate.MEMARG_LANE) {
                    accesses[f] = true;
                    accessCount[f]++;
                } else if (op == Opcode.MEMORY_GROW) {
                    grows[f] = true;
                } else if (op == Opcode.CALL_INDIRECT) {
                    grows[f] = true;
                    calls[f] = true;
                } else if (op == Opcode.CALL) {
                    calls[f] = true;
                    int callee = r.index();
                    if (callee == f) self[f] = true;
                    if (callee < imported) {
                        grows[f] = true;
                    } else {
                        int[] list = callers[callee];
                        if (list == null) list = callers[callee] = new int[4];
                        else if (callerCount[callee] == list.length) list = callers[callee] = Arrays.copyOf(list, list.length * 2);
                        list[callerCount[callee]++] = f;
                    }
                }
            }
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int f = imported; f < total; f++) {
            if (grows[f]) work.add(f);
        }
        while (!work.isEmpty()) {
            int callee = work.poll();
            for (int i = 0; i < callerCount[callee]; i++) {
                int caller = callers[callee][i];
                if (!grows[caller]) {
                    grows[caller] = true;
                    work.add(caller);
                }
            }
        }
        return new CodeFacts(grows, accesses, calls, accessCount, self);
    }
}
