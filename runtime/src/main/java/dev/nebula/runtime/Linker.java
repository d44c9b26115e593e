package dev.nebula.runtime;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.Import;
import dev.nebula.runtime.internal.ImportMatcher;
import dev.nebula.wasm.UnlinkableException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves imports by module and field name (spec 4.5.4): host functions, memories, tables,
 * globals, and whole instances registered under a module name. Definitions may be replaced.
 */
public final class Linker {

    private final Map<String, Map<String, Extern>> definitions = new HashMap<>();

    /** An empty linker. */
    public Linker() {
    }

    public Linker define(String moduleName, String name, Extern value) {
        // Not computeIfAbsent with a lambda, whose first use links a call site through method
        // handles at every start of the nebula command.
        Map<String, Extern> module = definitions.get(moduleName);
        if (module == null) {
            module = new HashMap<>();
            definitions.put(moduleName, module);
        }
        module.put(name, value);
        return this;
    }

    /** Defines a host function as a lambda. */
    public Linker defineFunction(String moduleName, String name, FuncType type, HostFunction body) {
        return define(moduleName, name, HostFunction.of(moduleName + "." + name, type, body));
    }

    /** Makes every export of {@code instance} importable under {@code moduleName}. */
    public Linker defineInstance(String moduleName, Instance instance) {
        instance.exports().forEach((name, value) -> define(moduleName, name, value));
        return this;
    }

    /** The definition for {@code moduleName}.{@code name}, or null. */
    public Extern lookup(String moduleName, String name) {
        Map<String, Extern> module = definitions.get(moduleName);
        return module == null ? null : module.get(name);
    }

    /**
     * Resolves and type-checks the module's imports now (spec 4.5.2, 4.5.4 step 4), so that each
     * instantiation pays only for its own state and can no longer fail to link.
     */
    public InstancePre preLink(WasmModule module) {
        List<Import> imports = module.imports();
        Extern[] resolved = new Extern[imports.size()];
        for (int i = 0; i < resolved.length; i++) {
            Import imp = imports.get(i);
            Extern value = lookup(imp.module(), imp.name());
            if (value == null) throw new UnlinkableException("unknown import", imp.module(), imp.name(), null);
            ImportMatcher.check(imp, value, module.validated().module().types());
            resolved[i] = value;
        }
        return new InstancePre(module, resolved);
    }

    /** Links and instantiates in one step (spec 4.5.4): imports, segments, then the start function. */
    public Instance instantiate(Store store, WasmModule module) {
        return preLink(module).instantiate(store);
    }
}
