package dev.nebula.runtime;

import dev.nebula.runtime.internal.Instantiator;
import dev.nebula.validator.ValidatedModule;

import java.util.Map;

/**
 * A module with its imports already resolved and type-checked: instantiating it only creates the
 * instance's own memories, tables, globals and segments and runs its start function. This is
 * what a function host keeps per deployed function.
 */
public final class InstancePre {

    private final WasmModule module;
    private final Extern[] imports;

    InstancePre(WasmModule module, Extern[] imports) {
        this.module = module;
        this.imports = imports.clone();
    }

    public WasmModule module() {
        return module;
    }

    public Instance instantiate(Store store) {
        return Instantiator.instantiate(store, module, module.code(), imports, InstanceFactory.INSTANCE);
    }

    /** Lets the internal instantiator create states and instances without making their constructors public. */
    static final class InstanceFactory implements Instantiator.Factory<Instance.State> {
        static final InstanceFactory INSTANCE = new InstanceFactory();

        @Override
        public Instance.State newState(ValidatedModule module, Store store, int functions, int tables, int memories, int globals) {
            return new Instance.State(module, store, functions, tables, memories, globals);
        }

        @Override
        public Instance create(WasmModule module, Instance.State state, Map<String, Extern> exports) {
            return new Instance(module, state, exports);
        }
    }
}
