/* Sieve of Eratosthenes: byte loads and stores in tight loops over linear memory. */
#include "workload.h"

static uint8_t composite[SIEVE_MAX_LIMIT + 1];

static int32_t count_primes(int32_t limit) {
    for (int32_t i = 0; i <= limit; i++) composite[i] = 0;
    int32_t count = 0;
    for (int32_t i = 2; i <= limit; i++) {
        if (composite[i]) continue;
        count++;
        for (int64_t j = (int64_t) i * i; j <= limit; j += i) composite[j] = 1;
    }
    return count;
}

/* Number of primes <= limit, summed over the iterations so that none can be skipped. */
WASM_EXPORT("sieve")
int32_t sieve(int32_t limit, int32_t iterations) {
    if (limit > SIEVE_MAX_LIMIT) limit = SIEVE_MAX_LIMIT;
    int32_t sum = 0;
    for (int32_t it = 0; it < iterations; it++) sum += count_primes(limit);
    return sum;
}
