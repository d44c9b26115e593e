/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for Nebula, built only on the runtime's public
 * embedding API: {@link dev.nebula.wasi.WasiConfig} says what a program may see,
 * {@link dev.nebula.wasi.Wasi} defines the 46 host functions on a
 * {@link dev.nebula.runtime.Linker} and runs {@code _start}.
 *
 * <p>The functions follow the preview1 specification (WebAssembly/WASI,
 * {@code legacy/preview1/docs.md} and {@code witx/wasi_snapshot_preview1.witx}); each
 * implementation's Javadoc names the witx signature it implements. Where the spec leaves a choice
 * open, the choice is the one the official wasi-testsuite accepts, and the module's README lists
 * them.
 */
package dev.nebula.wasi;
