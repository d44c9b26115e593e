/**
 * The embedding API ({@code dev.nebula.runtime}), the small SPI an execution engine implements
 * ({@code spi}), and the operator library both engines call ({@code ops}, {@code ops.simd}; the
 * AOT engine's generated classes call it too, from their own class loader, so it is exported to
 * everyone). {@code dev.nebula.runtime.internal} (instantiation, import matching, deadlines) is
 * not exported.
 */
module dev.nebula.runtime {
    requires transitive dev.nebula.validator;

    exports dev.nebula.runtime;
    exports dev.nebula.runtime.spi;
    exports dev.nebula.runtime.ops;
    exports dev.nebula.runtime.ops.simd;

    uses dev.nebula.runtime.spi.ExecutionEngine;
}
