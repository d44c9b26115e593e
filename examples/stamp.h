/*
 * The start stamp the thesis's functions printed: when NEBULA_STAMP=1 is in the environment, the
 * answer line becomes "answer|<microseconds since the epoch when main began>", read from the
 * realtime clock. A host that records when it received the request can then separate start-up
 * (request until main) from run time, for a Wasm module and a container alike, since both read
 * the same kernel clock.
 */
#ifndef EXAMPLES_STAMP_H
#define EXAMPLES_STAMP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Microseconds since the epoch, or -1 if the realtime clock cannot be read. */
static inline long long stamp_now_micros(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return -1;
    return (long long) ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* Ends the answer line: "\n", or "|<main start>\n" when NEBULA_STAMP=1. */
static inline void end_answer(long long main_start_micros) {
    const char *wanted = getenv("NEBULA_STAMP");
    if (wanted != NULL && strcmp(wanted, "1") == 0) {
        printf("|%lld\n", main_start_micros);
    } else {
        printf("\n");
    }
}

#endif
