/*
 * Shared by every workload: how a function becomes a Wasm export, and the parameter limits.
 *
 * The same sources are built twice: to wasm32-wasi for Nebula, and natively with gcc by
 * native_harness.c so that the expected checksums come from an independent compiler.
 * export_name only means something to the Wasm target, so it disappears natively; the
 * c-program module, a WASI command, defines NEBULA_NO_EXPORTS so that it exports only _start.
 */
#ifndef NEBULA_WORKLOAD_H
#define NEBULA_WORKLOAD_H

#include <stdint.h>

#if defined(__wasm__) && !defined(NEBULA_NO_EXPORTS)
#define WASM_EXPORT(name) __attribute__((export_name(name)))
#else
#define WASM_EXPORT(name)
#endif

/* Static arrays instead of malloc keep the modules free of imports; sizes are clamped to them. */
#define SIEVE_MAX_LIMIT (1 << 21)
#define MATMUL_MAX_N 192
#define SHA256_MAX_LENGTH (1 << 20)
#define QUICKSORT_MAX_N (1 << 18)
#define SIMD_KERNEL_MAX_N (1 << 16)

int32_t fib(int32_t n);
int32_t sieve(int32_t limit, int32_t iterations);
int64_t matmul(int32_t n, int32_t iterations);
int64_t sha256(int32_t length, int32_t iterations);
int32_t quicksort(int32_t n, int32_t iterations);
int64_t dot_kernel(int32_t n, int32_t iterations);

/* Not exported to Wasm; the native harness tests the hash itself with it. */
void sha256_digest(const uint8_t *data, uint32_t length, uint8_t digest[32]);

#endif
