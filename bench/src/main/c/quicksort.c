/*
 * Quicksort of a pseudo-random i32 array: compares, swaps and unpredictable branches.
 * The pseudo-random generator is xorshift32, so that the input is the same everywhere.
 */
#include "workload.h"

static int32_t values[QUICKSORT_MAX_N];

static uint32_t xorshift32(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* Hoare partition around the middle element; recursing into the smaller half bounds the stack. */
static void sort_range(int32_t *v, int32_t lo, int32_t hi) {
    while (lo < hi) {
        int32_t pivot = v[lo + (hi - lo) / 2];
        int32_t i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (v[i] < pivot);
            do j--; while (v[j] > pivot);
            if (i >= j) break;
            int32_t t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        if (j - lo < hi - j) {
            sort_range(v, lo, j);
            lo = j + 1;
        } else {
            sort_range(v, j + 1, hi);
            hi = j;
        }
    }
}

/*
 * Sorts `n` pseudo-random values `iterations` times (a new seed each time). Returns a
 * position-weighted sum of the sorted values cut to 31 bits, or -1 if a result was not sorted.
 */
WASM_EXPORT("quicksort")
int32_t quicksort(int32_t n, int32_t iterations) {
    if (n > QUICKSORT_MAX_N) n = QUICKSORT_MAX_N;
    uint32_t checksum = 0;
    for (int32_t it = 0; it < iterations; it++) {
        uint32_t seed = 2463534242u + (uint32_t) it;
        for (int32_t i = 0; i < n; i++) values[i] = (int32_t) (xorshift32(&seed) >> 1) - (1 << 30);
        sort_range(values, 0, n - 1);
        for (int32_t i = 0; i < n; i++) {
            if (i > 0 && values[i - 1] > values[i]) return -1;
            checksum += (uint32_t) values[i] * (uint32_t) (i + 1);
        }
    }
    return (int32_t) (checksum & 0x7fffffff);
}
