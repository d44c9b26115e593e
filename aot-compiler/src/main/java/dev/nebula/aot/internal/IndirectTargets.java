package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.ElementSegment;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.Global;

import java.util.BitSet;

/**
 * The defined functions a call_indirect can meet as this module's own code, numbered for the
 * dispatchers' {@code tableswitch}. A function reaches a table only as a reference, and a
 * reference to one of the module's functions exists only if the function is in C.refs (spec
 * 3.4.10: referenced by an element segment, a global's initializer or an export; {@code ref.func}
 * in a body may name no other). Each such function gets a slot; the slots of one canonical type
 * are consecutive, so a dispatcher's switch over its type's range both finds the callee and checks
 * its type. Any other callee (an import, another module's code, or one missed here) takes the
 * dispatcher's general path, which checks the type and calls through {@code WasmFunction.invoke}:
 * slower, never wrong. A pure function of the module, recomputed for cached code.
 */
final class IndirectTargets {

    /** Per function index, its slot, or -1 when it is not a target (imports, unreferenced functions). */
    final int[] slotOf;
    /** Per canonical type index, its first slot; the slots of other type indices are unused. */
    final int[] firstSlot;
    /** Per canonical type index, how many slots it has. */
    final int[] slotCount;
    /** Per slot, its function index. */
    final int[] functionOf;

    private IndirectTargets(int[] slotOf, int[] firstSlot, int[] slotCount, int[] functionOf) {
        this.slotOf = slotOf;
        this.firstSlot = firstSlot;
        this.slotCount = slotCount;
        this.functionOf = functionOf;
    }

    static IndirectTargets of(DecodedModule module, int[] canonicalType) {
        BitSet refs = references(module);
        int imported = module.importedFunctionCount();
        int types = canonicalType.length;
        int[] slotCount = new int[types];
        for (int f = refs.nextSetBit(imported); f >= 0; f = refs.nextSetBit(f + 1)) {
            slotCount[canonicalType[module.functionTypeIndex(f)]]++;
        }
        int[] firstSlot = new int[types];
        int total = 0;
        for (int t = 0; t < types; t++) {
            firstSlot[t] = total;
            total += slotCount[t];
        }
        int[] next = firstSlot.clone();
        int[] slotOf = new int[module.functionCount()];
        java.util.Arrays.fill(slotOf, -1);
        int[] functionOf = new int[total];
        for (int f = refs.nextSetBit(imported); f >= 0; f = refs.nextSetBit(f + 1)) {
            int slot = next[canonicalType[module.functionTypeIndex(f)]]++;
            slotOf[f] = slot;
            functionOf[slot] = f;
        }
        return new IndirectTargets(slotOf, firstSlot, slotCount, functionOf);
    }

    /** C.refs (spec 3.4.10), limited to valid function indices. */
    private static BitSet references(DecodedModule module) {
        BitSet refs = new BitSet();
        int count = module.functionCount();
        for (Global global : module.globals()) addReferences(module, global.init(), refs);
        for (ElementSegment segment : module.elements()) {
            if (segment.hasFunctionIndices()) {
                for (int i = 0; i < segment.size(); i++) {
                    int f = segment.functionIndex(i);
                    if (f >= 0 && f < count) refs.set(f);
                }
            } else {
                for (Expression e : segment.expressions()) addReferences(module, e, refs);
            }
        }
        for (Export export : module.exports()) {
            if (export.kind() == ExternKind.FUNC && export.index() >= 0 && export.index() < count) refs.set(export.index());
        }
        return refs;
    }

    private static void addReferences(DecodedModule module, Expression expression, BitSet refs) {
        CodeReader code = new CodeReader(module.bytesUnsafe(), expression.start(), expression.end());
        while (!code.atEnd()) {
            if (code.next() == Opcode.REF_FUNC && code.index() < module.functionCount()) refs.set(code.index());
        }
    }
}
