package dev.nebula.faas.wasm;

import dev.nebula.decoder.model.Import;
import dev.nebula.runtime.Extern;
import dev.nebula.runtime.InstancePre;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-links a module against WASI once, yet gives every invocation its own WASI context.
 *
 * <p>{@link Wasi} binds its host functions to one program's descriptors, so linking a module
 * against a {@code Wasi} would share stdin, stdout and open files among all calls. Instead the
 * module's WASI imports are resolved, at deploy, to small dispatchers; each invocation creates
 * its own {@code Wasi} and {@linkplain #bind binds} it to the running thread, and a dispatcher
 * forwards to the bound context's function of the same name. A guest runs on one thread from
 * instantiation to exit, so the binding is exactly the call's lifetime. The cost per WASI call is
 * one thread-local read.
 */
final class WasiBinding {

    private static final ThreadLocal<WasmFunction[]> BOUND = new ThreadLocal<>();

    private final InstancePre pre;
    private final List<String> importNames;

    private WasiBinding(InstancePre pre, List<String> importNames) {
        this.pre = pre;
        this.importNames = importNames;
    }

    /**
     * Resolves every import of {@code module} to a WASI dispatcher.
     *
     * @throws dev.nebula.wasm.UnlinkableException for an import WASI does not provide, or of the wrong type
     */
    static WasiBinding preLink(WasmModule module) {
        Linker wasiTypes;
        try (Wasi template = new Wasi(WasiConfig.builder().build())) {
            wasiTypes = template.define(new Linker());
        }
        Linker dispatching = new Linker();
        List<String> names = new ArrayList<>();
        for (Import imp : module.imports()) {
            if (!Wasi.MODULE.equals(imp.module()) || names.contains(imp.name())) continue;
            Extern provided = wasiTypes.lookup(Wasi.MODULE, imp.name());
            if (!(provided instanceof WasmFunction function)) continue; // preLink reports it as unknown
            int index = names.size();
            names.add(imp.name());
            dispatching.defineFunction(Wasi.MODULE, imp.name(), function.type(),
                    (caller, args) -> BOUND.get()[index].invoke(caller, args));
        }
        return new WasiBinding(dispatching.preLink(module), List.copyOf(names));
    }

    InstancePre instancePre() {
        return pre;
    }

    /** Makes {@code wasi} the context that this thread's WASI calls reach, until {@link Bound#close()}. */
    Bound bind(Wasi wasi) {
        Linker own = wasi.define(new Linker());
        WasmFunction[] targets = new WasmFunction[importNames.size()];
        for (int i = 0; i < targets.length; i++) targets[i] = (WasmFunction) own.lookup(Wasi.MODULE, importNames.get(i));
        BOUND.set(targets);
        return new Bound();
    }

    /** The binding of one invocation; closing it unbinds the thread. */
    static final class Bound implements AutoCloseable {
        @Override
        public void close() {
            BOUND.remove();
        }
    }
}
