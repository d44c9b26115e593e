package dev.nebula.conformance.spec;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * Whether an action touches v128 values, decided from the module alone (for the skip list's
 * {@code /v128} qualifier): a {@code get} of a v128 global, or an {@code invoke} of a function
 * that has v128 in its type or can reach v128 code. A function reaches what it calls directly;
 * one that may call indirectly is taken to reach every function of its module. v128 code is a
 * SIMD (0xFD) instruction, a v128 local, a block or select of v128, or a v128 global or callee.
 * Imported functions count by their type only (in the suite they are spectest's print functions).
 */
final class V128Usage {

    private V128Usage() {
    }

    static boolean touches(DecodedModule module, Action action) {
        Export export = null;
        for (Export e : module.exports()) {
            if (e.name().equals(action.field())) export = e;
        }
        if (export == null) return false;
        if (action instanceof Action.Get) {
            return export.kind() == ExternKind.GLOBAL && module.allGlobals().get(export.index()).valType() == ValType.V128;
        }
        return export.kind() == ExternKind.FUNC && reachesV128(module, export.index());
    }

    static boolean reachesV128(DecodedModule module, int function) {
        int imported = module.importedFunctionCount();
        BitSet queued = new BitSet(module.functionCount());
        Deque<Integer> work = new ArrayDeque<>();
        work.push(function);
        queued.set(function);
        boolean everything = false;
        while (!work.isEmpty()) {
            int f = work.pop();
            if (hasV128(module.functionType(f))) return true;
            if (f < imported) continue;
            FunctionBody body = module.bodies().get(f - imported);
            for (int run = 0; run < body.localRunCount(); run++) {
                if (body.localRunType(run) == ValType.V128) return true;
            }
            CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
            while (code.position() < body.codeEnd()) {
                Opcode op = code.next();
                if (op.prefix() == Opcode.PREFIX_FD) return true;
                switch (op) {
                    case CALL -> {
                        if (!queued.get(code.index())) {
                            queued.set(code.index());
                            work.push(code.index());
                        }
                    }
                    case CALL_INDIRECT -> everything = true;
                    case GLOBAL_GET, GLOBAL_SET -> {
                        if (module.allGlobals().get(code.index()).valType() == ValType.V128) return true;
                    }
                    case BLOCK, LOOP, IF -> {
                        if (code.blockType() == CodeReader.BLOCK_VALUE && code.blockValueType() == ValType.V128) return true;
                        if (code.blockType() >= 0 && hasV128(module.types().get(code.blockType()))) return true;
                    }
                    case SELECT_T -> {
                        for (int i = 0; i < code.selectTypeCount(); i++) if (code.selectType(i) == ValType.V128) return true;
                    }
                    default -> { }
                }
            }
            if (everything) {
                for (int g = 0; g < module.functionCount(); g++) {
                    if (!queued.get(g)) {
                        queued.set(g);
                        work.push(g);
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasV128(FuncType type) {
        return type.params().contains(ValType.V128) || type.results().contains(ValType.V128);
    }
}
