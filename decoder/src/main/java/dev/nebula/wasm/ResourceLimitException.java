package dev.nebula.wasm;

/**
 * Instantiation needed more than the embedder allows (spec 4.5.4 lets an implementation refuse
 * allocations past its own limits, appendix A.2): a memory or table whose minimum exceeds the
 * store's limit, or an allocation the JVM could not make. It is neither a trap of the guest's
 * code nor an out-of-bounds access, so it is a kind of its own.
 */
public final class ResourceLimitException extends WasmException {

    public ResourceLimitException(String detail) {
        super("resource limit exceeded", detail);
    }
}
