/* n! for n from stdin; 20! is the largest that fits in 64 bits. */
#include <inttypes.h>
#include "input.h"

int main(void) {
    long n = read_long("factorial", 0, 20);
    uint64_t f = 1;
    for (long i = 2; i <= n; i++) f *= (uint64_t) i;
    printf("%" PRIu64 "\n", f);
    return 0;
}
