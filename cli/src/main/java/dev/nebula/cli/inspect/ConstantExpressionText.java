package dev.nebula.cli.inspect;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.Expression;
import dev.nebula.wasm.MalformedModuleException;

import java.util.StringJoiner;

/**
 * Renders a constant expression (a global's initializer, a segment's offset or item) in the text
 * format's folded-free style, e.g. {@code i32.const 1024} or {@code global.get 0; i32.const 8; i32.add}.
 */
final class ConstantExpressionText {

    private ConstantExpressionText() {
    }

    static String render(DecodedModule module, Expression expression) {
        if (expression == null) return "-";
        CodeReader code = new CodeReader(module.bytesUnsafe(), expression.start(), expression.end());
        StringJoiner text = new StringJoiner("; ");
        try {
            while (!code.atEnd()) {
                Opcode op = code.next();
                // The final end closes the expression; it says nothing to a reader.
                if (op == Opcode.END && code.atEnd()) break;
                text.add(instruction(module, code, op));
            }
        } catch (MalformedModuleException e) {
            // The decoder already accepted these bytes; this guards the printer only.
            text.add("<unreadable: " + e.getMessage() + ">");
        }
        return text.toString();
    }

    private static String instruction(DecodedModule module, CodeReader code, Opcode op) {
        String name = op.mnemonic();
        return switch (op.immediate()) {
            case I32 -> name + " " + (int) code.value();
            case I64 -> name + " " + code.value();
            case F32 -> name + " " + Float.intBitsToFloat((int) code.value());
            case F64 -> name + " " + Double.longBitsToDouble(code.value());
            case V128 -> name + " i64x2 0x" + Long.toHexString(code.v128Low()) + " 0x" + Long.toHexString(code.v128High());
            case GLOBAL, LOCAL, TABLE, LABEL, ELEM, DATA -> name + " " + code.index();
            case FUNCTION -> name + " " + module.describeFunction(code.index());
            case REF_TYPE -> name + " " + code.referenceTypeImmediate();
            default -> name;
        };
    }
}
