package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;

/**
 * Whether a function holds v128 values where the JVM code shape would need them (spec 2.4.2
 * vector types): v128 in its type, a local, a block type, a typed select, a global, or a callee's
 * type. Until this engine runs SIMD, such a function compiles to a method that throws
 * {@link dev.nebula.runtime.UnsupportedFeatureException}, so that the rest of the module still
 * runs, as on the interpreter. A SIMD instruction alone compiles to that throw where it stands
 * (its v128 results never exist: the code after it is unreachable), so the function's other paths
 * run, again as on the interpreter.
 */
final class SimdUse {

    private SimdUse() {
    }

    /** What in {@code function} needs SIMD, for the message ("SIMD instruction i32x4.splat"), or null. */
    static String reason(DecodedModule module, int function) {
        if (hasV128(module.functionType(function))) return "v128 in the function's type";
        FunctionBody body = module.bodies().get(function - module.importedFunctionCount());
        for (int run = 0; run < body.localRunCount(); run++) {
            if (body.localRunType(run) == ValType.V128) return "a v128 local";
        }
        CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        while (code.position() < body.codeEnd()) {
            Opcode op = code.next();
            switch (op) {
                case CALL -> {
                    if (hasV128(module.functionType(code.index()))) return "a call of a function with v128 in its type";
                }
                case CALL_INDIRECT -> {
                    if (hasV128(module.types().get(code.index()))) return "a call_indirect with v128 in its type";
                }
                case GLOBAL_GET, GLOBAL_SET -> {
                    if (module.allGlobals().get(code.index()).valType() == ValType.V128) return "a v128 global";
                }
                case BLOCK, LOOP, IF -> {
                    if (code.blockType() == CodeReader.BLOCK_VALUE && code.blockValueType() == ValType.V128) return "a v128 block";
                    if (code.blockType() >= 0 && hasV128(module.types().get(code.blockType()))) return "a v128 block";
                }
                case SELECT_T -> {
                    for (int i = 0; i < code.selectTypeCount(); i++) if (code.selectType(i) == ValType.V128) return "a v128 select";
                }
                default -> { }
            }
        }
        return null;
    }

    static boolean hasV128(FuncType type) {
        return type.params().contains(ValType.V128) || type.results().contains(ValType.V128);
    }
}
