package dev.nebula.interpreter.internal;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.InstanceState;
import dev.nebula.validator.ValidatedModule;

/**
 * A module prepared for the interpreter. Functions are translated on first call rather than here,
 * so that a large module whose code is mostly never run (a typical FaaS handler) starts at once;
 * each translation is published racily into {@link #codes}, which is safe because
 * {@link FunctionCode} is immutable (at worst two threads translate the same function).
 */
public final class InterpretedModule implements CompiledCode {

    final ValidatedModule validated;
    final FuncType[] types;
    private final FunctionCode[] codes;

    public InterpretedModule(ValidatedModule validated) {
        this.validated = validated;
        this.types = validated.module().types().toArray(new FuncType[0]);
        this.codes = new FunctionCode[validated.module().bodies().size()];
    }

    /** The translated code of the defined function {@code definedIndex} (code-section order). */
    FunctionCode code(int definedIndex) {
        FunctionCode c = codes[definedIndex];
        if (c == null) {
            c = Translator.translate(validated, validated.module().importedFunctionCount() + definedIndex);
            codes[definedIndex] = c;
        }
        return c;
    }

    /** Translates every function now (for tests and benchmarks that want translation off the clock). */
    public void translateAll() {
        for (int i = 0; i < codes.length; i++) code(i);
    }

    @Override
    public WasmFunction[] createFunctions(InstanceState state) {
        DecodedModule m = validated.module();
        InstanceContext context = new InstanceContext(state, this);
        int imported = m.importedFunctionCount();
        WasmFunction[] functions = new WasmFunction[codes.length];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = new InterpretedFunction(m.functionType(imported + i), context, imported + i, i);
        }
        return functions;
    }
}
