package dev.nebula.validator;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.Expression;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.ValType;
import dev.nebula.wasm.InvalidModuleException;

import java.util.List;

/**
 * Constant expressions (spec 3.3.10): only {@code t.const}, {@code ref.null}, {@code ref.func} and
 * {@code global.get} of an imported immutable global may appear, and the expression must leave
 * exactly one value of the expected type.
 */
final class ConstantExpressions {

    private final ModuleContext context;
    private final List<GlobalType> visibleGlobals;

    /**
     * @param visibleGlobals the globals a constant expression may read: in Wasm 2.0 only the
     *                       imported ones (spec 3.4.10, context C')
     */
    ConstantExpressions(ModuleContext context, List<GlobalType> visibleGlobals) {
        this.context = context;
        this.visibleGlobals = visibleGlobals;
    }

    void check(Expression expression, ValType expected, String what) {
        CodeReader code = new CodeReader(context.module.bytesUnsafe(), expression.start(), expression.end());
        ValType produced = null;
        int count = 0;
        while (true) {
            Opcode op = code.next();
            if (op == Opcode.END) break;
            ValType t = switch (op) {
                case I32_CONST -> ValType.I32;
                case I64_CONST -> ValType.I64;
                case F32_CONST -> ValType.F32;
                case F64_CONST -> ValType.F64;
                case V128_CONST -> ValType.V128;
                case REF_NULL -> code.referenceTypeImmediate();
                case REF_FUNC -> {
                    int f = code.index();
                    if (!context.hasFunction(f)) throw invalid("unknown function " + f, code, what);
                    yield ValType.FUNCREF;
                }
                case GLOBAL_GET -> {
                    int g = code.index();
                    if (g < 0 || g >= visibleGlobals.size()) throw invalid("unknown global " + g, code, what);
                    GlobalType global = visibleGlobals.get(g);
                    if (global.mutable()) throw invalid("constant expression required", code, what);
                    yield global.valType();
                }
                default -> throw invalid("constant expression required", code, what);
            };
            produced = t;
            count++;
        }
        if (count != 1 || produced != expected) throw invalid("type mismatch", code, what);
    }

    private static InvalidModuleException invalid(String message, CodeReader code, String what) {
        return new InvalidModuleException(message, -1, code.instructionStart(), what);
    }
}
