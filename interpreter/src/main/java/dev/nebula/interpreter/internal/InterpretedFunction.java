package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.WasmFunction;

/**
 * A function instance (spec 4.2.6) whose code this interpreter runs. Calls between interpreted
 * functions never go through {@link #invoke}: the loop recognises this class and pushes a frame on
 * its own stack, switching instance when the callee belongs to another instance.
 */
final class InterpretedFunction extends WasmFunction {

    final InstanceContext context;
    final int functionIndex;
    private final int definedIndex;
    /** Translated lazily on the first call; a racy publish is safe since FunctionCode is immutable. */
    FunctionCode code;

    InterpretedFunction(FuncType type, InstanceContext context, int functionIndex, int definedIndex) {
        super(type);
        this.context = context;
        this.functionIndex = functionIndex;
        this.definedIndex = definedIndex;
    }

    /** The translated code, translating it on first use. */
    FunctionCode prepare() {
        FunctionCode c = code;
        if (c == null) {
            c = context.module.code(definedIndex);
            code = c;
        }
        return c;
    }

    @Override
    public long[] invoke(Instance caller, long[] args) {
        return Interpreter.invoke(this, args);
    }

    /**
     * {@code func 3 ($fib)}, or {@code func 3} without a name. Built with a StringBuilder rather
     * than {@code +}, whose invokedynamic is linked on first use: trap traces are built after a
     * StackOverflowError too, where there may be no stack left to link it (and a failed link is
     * permanent).
     */
    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("func ").append(functionIndex);
        String name = context.module.validated.module().names().functionName(functionIndex);
        if (name != null) s.append(" ($").append(name).append(')');
        return s.toString();
    }
}
