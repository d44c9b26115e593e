/* The n-th Fibonacci number (fib(0) = 0, fib(1) = 1), computed iteratively; n from stdin. */
#include <inttypes.h>
#include "input.h"
#include "stamp.h"

int main(void) {
    long long started = stamp_now_micros();
    long n = read_long("fibonacci", 0, 93); /* fib(93) is the last that fits in 64 bits */
    uint64_t a = 0, b = 1;
    for (long i = 0; i < n; i++) {
        uint64_t next = a + b;
        a = b;
        b = next;
    }
    printf("%" PRIu64, a);
    end_answer(started);
    return 0;
}
