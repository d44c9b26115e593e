/*
 * e^x by its Taylor series, sum of x^k / k!, for x from stdin. Terms are added until they no
 * longer change the sum; for large |x| the series is summed for |x| / 2^s and squared s times,
 * which keeps the terms small and the result accurate.
 */
#include <math.h>
#include "input.h"
#include "stamp.h"

static double exp_series(double x) {
    double sum = 1.0, term = 1.0;
    for (int k = 1; k < 1000; k++) {
        term *= x / k;
        double next = sum + term;
        if (next == sum) break;
        sum = next;
    }
    return sum;
}

int main(void) {
    long long started = stamp_now_micros();
    double x = read_double("exponential");
    if (!isfinite(x)) {
        fprintf(stderr, "exponential: expected a finite number on standard input\n");
        return 2;
    }
    int halvings = 0;
    double y = x;
    while (y > 1.0 || y < -1.0) {
        y /= 2.0;
        halvings++;
    }
    double r = exp_series(y);
    for (int i = 0; i < halvings; i++) r *= r;
    printf("%.15g", r);
    end_answer(started);
    return 0;
}
