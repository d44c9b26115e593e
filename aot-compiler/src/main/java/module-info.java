/**
 * Execution engine 2 (ASM), found by {@code Engine.create} through the {@code ExecutionEngine}
 * service, and its compiled-code cache. {@code dev.nebula.aot.internal} is not exported: the
 * classes it generates live in the unnamed module of a class loader per Wasm module, and
 * {@code ModuleClassLoader} exports the package to that unnamed module alone, at run time.
 */
module dev.nebula.aot {
    requires transitive dev.nebula.runtime;
    requires org.objectweb.asm;
    // sun.misc.Unsafe: compiled code's memory accesses, checked against the memory's size (Rt)
    requires jdk.unsupported;

    exports dev.nebula.aot;

    provides dev.nebula.runtime.spi.ExecutionEngine with dev.nebula.aot.AotEngine;
}
