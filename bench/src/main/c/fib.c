/* Recursive Fibonacci: measures call and return cost, almost nothing else. */
#include "workload.h"

WASM_EXPORT("fib")
int32_t fib(int32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
