/**
 * {@code wasi_snapshot_preview1} on the runtime's public API: {@code dev.nebula.wasi} is the API
 * ({@code Wasi}, {@code WasiConfig}, preopens, stdio, clock, random); {@code internal} (the 46
 * functions, the file-descriptor table, path resolution) is not exported.
 */
module dev.nebula.wasi {
    requires transitive dev.nebula.runtime;
    requires java.management;

    exports dev.nebula.wasi;
}
