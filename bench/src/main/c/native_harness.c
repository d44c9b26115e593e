/*
 * Native check of the workloads, built with gcc by build-wasm.sh: tests the SHA-256 code
 * against FIPS 180-2's "abc" vector, then prints each workload's checksum for the parameters
 * given as arguments ("fib 30" prints "fib(30) = 832040"). The printed lines are the expected
 * answers that Wasm engines must reproduce.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "workload.h"

static int sha256_matches_published_vector(void) {
    static const uint8_t expected[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
        0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
    };
    uint8_t digest[32];
    sha256_digest((const uint8_t *) "abc", 3, digest);
    return memcmp(digest, expected, sizeof digest) == 0;
}

int main(int argc, char **argv) {
    if (!sha256_matches_published_vector()) {
        fprintf(stderr, "sha256 gives the wrong digest for \"abc\"\n");
        return 1;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: %s WORKLOAD ARG [ARG]\n", argv[0]);
        return 2;
    }
    const char *name = argv[1];
    int32_t x = (int32_t) atoi(argv[2]);
    int32_t y = argc > 3 ? (int32_t) atoi(argv[3]) : 1;
    if (strcmp(name, "fib") == 0) printf("fib(%d) = %d\n", x, fib(x));
    else if (strcmp(name, "sieve") == 0) printf("sieve(%d, %d) = %d\n", x, y, sieve(x, y));
    else if (strcmp(name, "matmul") == 0) printf("matmul(%d, %d) = %lld\n", x, y, (long long) matmul(x, y));
    else if (strcmp(name, "sha256") == 0) printf("sha256(%d, %d) = %lld\n", x, y, (long long) sha256(x, y));
    else if (strcmp(name, "quicksort") == 0) printf("quicksort(%d, %d) = %d\n", x, y, quicksort(x, y));
    /* One source, two Wasm builds (SIMD and scalar), one native answer. */
    else if (strcmp(name, "dot_simd") == 0 || strcmp(name, "dot_scalar") == 0) {
        printf("%s(%d, %d) = %lld\n", name, x, y, (long long) dot_kernel(x, y));
    }
    else {
        fprintf(stderr, "unknown workload %s\n", name);
        return 2;
    }
    return 0;
}
