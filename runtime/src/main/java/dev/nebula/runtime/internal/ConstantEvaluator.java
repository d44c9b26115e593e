package dev.nebula.runtime.internal;

import dev.nebula.decoder.CodeReader;
import dev.nebula.decoder.Opcode;
import dev.nebula.decoder.model.Expression;
import dev.nebula.runtime.spi.InstanceState;

/**
 * Evaluates a validated constant expression (spec 4.4.10) to a {@code long}: constants, ref.null,
 * ref.func (a store handle) and global.get of an imported global. A v128 constant does not fit
 * the {@code long} a {@link dev.nebula.runtime.Global} holds: only its low half is kept. SIMD
 * modules still instantiate that way, and only SIMD code (which the interpreter refuses) or an
 * embedder reading such a global could see the truncation; wider globals come with a SIMD engine.
 */
final class ConstantEvaluator {

    private ConstantEvaluator() {
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
