/*
 * The n-th Fibonacci number by the naive doubly recursive definition, n from stdin: a classic
 * benchmark of call overhead, since fib(n) makes about 1.6^n calls.
 */
#include <inttypes.h>
#include "input.h"
#include "stamp.h"

static uint64_t fib(int n) {
    return n < 2 ? (uint64_t) n : fib(n - 1) + fib(n - 2);
}

int main(void) {
    long long started = stamp_now_micros();
    long n = read_long("fibonacci_recursive", 0, 50);
    printf("%" PRIu64, fib((int) n));
    end_answer(started);
    return 0;
}
