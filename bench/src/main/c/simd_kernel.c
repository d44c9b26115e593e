/*
 * A SIMD kernel built twice from this one source: with -msimd128, where clang's auto-vectoriser
 * turns both loops into v128 code (i16x8 multiplies widened to i32x4, u8x16 absolute
 * differences), and with -mno-simd128, all scalar. Same answer from both, so the two builds
 * compare an engine's SIMD against its scalar code on identical work (SimdKernelVsChicoryBenchmark).
 * SIMD_KERNEL_EXPORT names the export (dot_simd or dot_scalar; natively, dot_kernel).
 */
#include "workload.h"

#ifndef SIMD_KERNEL_EXPORT
#define SIMD_KERNEL_EXPORT dot_kernel
#endif
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

static int16_t left[SIMD_KERNEL_MAX_N];
static int16_t right[SIMD_KERNEL_MAX_N];
static uint8_t bytes_a[SIMD_KERNEL_MAX_N];
static uint8_t bytes_b[SIMD_KERNEL_MAX_N];

/* A linear congruential generator: deterministic inputs, the same natively and in Wasm. */
static void fill(int32_t n) {
    uint32_t state = 12345u;
    for (int32_t i = 0; i < n; i++) {
        state = state * 1103515245u + 12345u;
        left[i] = (int16_t) (state >> 8);
        right[i] = (int16_t) (state >> 16);
        bytes_a[i] = (uint8_t) (state >> 3);
        bytes_b[i] = (uint8_t) (state >> 21);
    }
}

/* Dot product of i16 lanes; the offset changes per round so that no round can be skipped. */
/* Unsigned sums wrap where a signed one would overflow, which C leaves undefined. */
static uint32_t dot(int32_t n, int16_t offset) {
    uint32_t sum = 0;
    for (int32_t i = 0; i < n; i++) sum += (uint32_t) ((int32_t) left[i] * (int16_t) (right[i] + offset));
    return sum;
}

/* Sum of absolute byte differences, against a shifted copy per round. */
static uint32_t sad(int32_t n, uint8_t offset) {
    uint32_t sum = 0;
    for (int32_t i = 0; i < n; i++) {
        int32_t d = (int32_t) bytes_a[i] - (int32_t) (uint8_t) (bytes_b[i] + offset);
        sum += (uint32_t) (d < 0 ? -d : d);
    }
    return sum;
}

/* A checksum of every round's dot product and byte difference sum over n elements. */
WASM_EXPORT(STRINGIFY(SIMD_KERNEL_EXPORT))
int64_t SIMD_KERNEL_EXPORT(int32_t n, int32_t iterations) {
    if (n > SIMD_KERNEL_MAX_N) n = SIMD_KERNEL_MAX_N;
    if (n < 0) n = 0;
    fill(n);
    uint64_t checksum = 0;
    for (int32_t it = 0; it < iterations; it++) {
        checksum = checksum * 31 + dot(n, (int16_t) it);
        checksum = checksum * 31 + sad(n, (uint8_t) it);
    }
    return (int64_t) checksum;
}
