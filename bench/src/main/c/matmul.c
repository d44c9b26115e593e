/*
 * f64 matrix multiply (naive i-k-j order): f64 loads, multiplies and adds.
 *
 * Every element is a multiple of 1/4 in [-1.5, 1.5], so every product and sum is exact in a
 * double: the checksum does not depend on evaluation order or on FMA contraction, and a native
 * build gives the same answer as any correct Wasm engine.
 */
#include "workload.h"

static double a[MATMUL_MAX_N * MATMUL_MAX_N];
static double b[MATMUL_MAX_N * MATMUL_MAX_N];
static double c[MATMUL_MAX_N * MATMUL_MAX_N];

static double a_element(int32_t i, int32_t j, int32_t salt) {
    return ((i * 7 + j * 3 + salt) % 13) * 0.25 - 1.5;
}

static double b_element(int32_t i, int32_t j) {
    return ((i * 5 + j * 11 + 3) % 11) * 0.25 - 1.25;
}

/*
 * A weighted sum of the elements of A*B, times 16 (so an integer), summed over the iterations.
 * The weights make the checksum depend on where each value lands, not only on the total.
 */
WASM_EXPORT("matmul")
int64_t matmul(int32_t n, int32_t iterations) {
    if (n > MATMUL_MAX_N) n = MATMUL_MAX_N;
    int64_t checksum = 0;
    for (int32_t it = 0; it < iterations; it++) {
        /* A different salt per iteration keeps the work from being loop-invariant. */
        for (int32_t i = 0; i < n; i++) {
            for (int32_t j = 0; j < n; j++) {
                a[i * n + j] = a_element(i, j, it);
                b[i * n + j] = b_element(i, j);
                c[i * n + j] = 0.0;
            }
        }
        for (int32_t i = 0; i < n; i++) {
            for (int32_t k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int32_t j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        }
        double sum = 0.0;
        for (int32_t i = 0; i < n * n; i++) sum += c[i] * (i % 5 + 1);
        checksum += (int64_t) (sum * 16.0);
    }
    return checksum;
}
