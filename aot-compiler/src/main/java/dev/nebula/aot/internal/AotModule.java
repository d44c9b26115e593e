package dev.nebula.aot.internal;

import dev.nebula.decoder.model.DecodedModule;
import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.spi.CompiledCode;
import dev.nebula.runtime.spi.InstanceState;
import dev.nebula.validator.ValidatedModule;

import java.util.Map;

/**
 * A module compiled to JVM classes: immutable and shared by all its instances and threads (the
 * classes are static code; each instance's state is the {@link AotInstance} passed to every
 * method). Classes are defined by the module's own loader on first use.
 */
public final class AotModule implements CompiledCode {

    final ValidatedModule validated;
    final FuncType[] types;
    private final ModuleLayout layout;
    private final Map<String, byte[]> classes;
    private final ModuleClassLoader loader;
    private final EntryPoints[] entries;

    AotModule(ValidatedModule validated, ModuleLayout layout, Map<String, byte[]> classes) {
        this.validated = validated;
        this.layout = layout;
        this.classes = Map.copyOf(classes);
        this.types = validated.module().types().toArray(new FuncType[0]);
        this.loader = new ModuleClassLoader(this.classes);
        this.entries = new EntryPoints[layout.classCount];
    }

    /** The module this code was compiled from. */
    public ValidatedModule validated() {
        return validated;
    }

    /** Bytecode size of each generated function ({@code f12}) and region ({@code f12_r3}) method; empty for a module read from the cache. */
    public Map<String, Integer> methodSizes() {
        return layout.methodSizes;
    }

    /** The generated class files by binary name, for the cache and for verification. */
    public Map<String, byte[]> classFiles() {
        return classes;
    }

    @Override
    public WasmFunction[] createFunctions(InstanceState state) {
        DecodedModule m = validated.module();
        AotInstance instance = new AotInstance(state, this);
        int imported = m.importedFunctionCount();
        WasmFunction[] functions = new WasmFunction[m.bodies().size()];
        for (int i = 0; i < functions.length; i++) {
            functions[i] = new AotFunction(m.functionType(imported + i), instance, imported + i,
                    layout.targets.slotOf[imported + i], layout.classOf[i]);
        }
        return functions;
    }

    /** The entry points of generated class {@code cls}, loading it on first use (a racy publish of an immutable object). */
    EntryPoints entry(int cls) {
        EntryPoints e = entries[cls];
        if (e == null) {
            try {
                Class<?> c = Class.forName(ModuleLayout.className(cls).replace('/', '.'), true, loader);
                e = (EntryPoints) c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("generated class " + cls + " cannot be loaded", ex);
            }
            entries[cls] = e;
        }
        return e;
    }

    /** Loads every generated class now (the JVM verifies each as it is defined). */
    public void loadAll() {
        for (int i = 0; i < entries.length; i++) entry(i);
        try {
            Class.forName(ModuleLayout.DISPATCH.replace('/', '.'), true, loader);
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException("dispatch class cannot be loaded", ex);
        }
    }

    /**
     * {@code func 3 ($fib)}, or {@code func 3} without a name, as the interpreter names frames.
     * Built with a StringBuilder: trap traces are built on deep stacks, where linking the
     * invokedynamic of {@code +} might not fit.
     */
    String describe(int function) {
        StringBuilder s = new StringBuilder("func ").append(function);
        String name = validated.module().names().functionName(function);
        if (name != null) s.append(" ($").append(name).append(')');
        return s.toString();
    }
}
