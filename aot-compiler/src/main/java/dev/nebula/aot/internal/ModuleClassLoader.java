package dev.nebula.aot.internal;

import java.util.Map;

/**
 * Defines one module's generated classes, on first use. A loader per module, rather than hidden
 * classes, because the classes call each other by name (a hidden class cannot be named from
 * another class); like hidden classes they are unloaded with the module once nothing reaches it.
 */
final class ModuleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Class bytes by binary name ({@code dev.nebula.aot.generated.Functions0}). */
    private final Map<String, byte[]> classes;

    ModuleClassLoader(Map<String, byte[]> classes) {
        super("nebula-aot-module", ModuleClassLoader.class.getClassLoader());
        this.classes = classes;
        // Generated code calls Rt, AotInstance and EntryPoints. Their package is not exported by
        // module dev.nebula.aot, so open it to this loader's classes alone (a no-op on the class
        // path, where every package is visible).
        ModuleClassLoader.class.getModule().addExports(ModuleClassLoader.class.getPackageName(), getUnnamedModule());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
