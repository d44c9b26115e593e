package dev.nebula.runtime.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.Expression;
import dev.nebula.runtime.spi.InstanceState;

/**
 * Evaluates a validated constant expression (spec 4.4.10) to a {@code long}: constants, ref.null,
 * ref.func (a store handle) and global.get of an imported global. A v128 value is two longs, so
 * {@link #evaluate} gives its low half and {@link #evaluateHigh} its high half.
 */
final class ConstantEvaluator {

    private ConstantEvaluator() {
    }

    /** The high half of a v128 constant expression: {@code v128.const} or {@code global.get} of a v128 global. */
    static long evaluateHigh(InstanceState state, Expression expression) {
        CodeReader code = new CodeReader(state.module.module().bytesUnsafe(), expression.start(), expression.end());
        Opcode op = code.next();
        return switch (op) {
            case V128_CONST -> code.v128High();
            case GLOBAL_GET -> state.globals[code.index()].getHigh();
            default -> throw new IllegalStateException("validated v128 constant expression starts with " + op);
        };
    }

    static long evaluate(InstanceState state, Expression expression) {
        CodeReader code = new CodeReader(state.module.module().bytesUnsafe(), expression.start(), expression.end());
        long value = 0;
        while (true) {
            Opcode op = code.next();
            switch (op) {
                case END -> {
                    return value;
                }
                case I32_CONST -> value = (int) code.value();
                case I64_CONST, F32_CONST, F64_CONST -> value = code.value();
                case V128_CONST -> value = code.v128Low();
                case REF_NULL -> value = 0;
                case REF_FUNC -> value = state.store.handleOf(state.functions[code.index()]);
                case GLOBAL_GET -> value = state.globals[code.index()].get();
                default -> throw new IllegalStateException("validated constant expression holds " + op);
            }
        }
    }
}
