/* The n-th prime (the 1st is 2) for n from stdin, by trial division with odd divisors. */
#include "input.h"
#include "stamp.h"

static int is_prime(long m) {
    if (m < 2) return 0;
    if (m % 2 == 0) return m == 2;
    for (long d = 3; d * d <= m; d += 2) {
        if (m % d == 0) return 0;
    }
    return 1;
}

int main(void) {
    long long started = stamp_now_micros();
    long n = read_long("prime", 1, 1000000);
    long count = 0, m = 1;
    while (count < n) {
        m++;
        if (is_prime(m)) count++;
    }
    printf("%ld", m);
    end_answer(started);
    return 0;
}
