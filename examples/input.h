/* Reads the one number each example takes from standard input, or exits with a message. */
#ifndef EXAMPLES_INPUT_H
#define EXAMPLES_INPUT_H

#include <stdio.h>
#include <stdlib.h>

static inline long read_long(const char *program, long min, long max) {
    long n;
    if (scanf("%ld", &n) != 1 || n < min || n > max) {
        fprintf(stderr, "%s: expected a whole number from %ld to %ld on standard input\n", program, min, max);
        exit(2);
    }
    return n;
}

static inline double read_double(const char *program) {
    double x;
    if (scanf("%lf", &x) != 1) {
        fprintf(stderr, "%s: expected a number on standard input\n", program);
        exit(2);
    }
    return x;
}

#endif
