package dev.nebula.aot.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.FunctionBody;
import dev.nebula.decoder.model.ValType;

/**
 * Whether a function needs v128 values (spec 2.4.2 vector instructions): a SIMD (0xFD)
 * instruction, v128 in its type, a local, a block type, a typed select, a global, or a callee's
 * type. Until this engine runs SIMD, such a function compiles to a method that throws
 * {@link dev.nebula.runtime.UnsupportedFeatureException} naming it, so that the rest of the module
 * still runs, as on the interpreter.
 */
final class SimdUse {

    private SimdUse() {
    }

    static boolean uses(DecodedModule module, int function) {
        if (hasV128(module.functionType(function))) return true;
        FunctionBody body = module.bodies().get(function - module.importedFunctionCount());
        for (int run = 0; run < body.localRunCount(); run++) {
            if (body.localRunType(run) == ValType.V128) return true;
        }
        CodeReader code = new CodeReader(module.bytesUnsafe(), body.codeStart(), body.codeEnd());
        while (code.position() < body.codeEnd()) {
            Opcode op = code.next();
            if (op.prefix() == Opcode.PREFIX_FD) return true;
            switch (op) {
                case CALL -> {
                    if (hasV128(module.functionType(code.index()))) return true;
                }
                case CALL_INDIRECT -> {
                    if (hasV128(module.types().get(code.index()))) return true;
                }
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
        return false;
    }

    static boolean hasV128(FuncType type) {
        return type.params().contains(ValType.V128) || type.results().contains(ValType.V128);
    }
}
