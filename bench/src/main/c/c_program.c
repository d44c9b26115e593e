/*
 * A "real" C program for the decode and validate benchmarks: the five workloads plus ordinary
 * libc-using code (malloc, qsort, snprintf with floats, string functions), linked with wasi-libc
 * as a WASI command. Its size and instruction mix resemble what people actually compile to Wasm,
 * unlike the small workload modules. Natively it prints the same report, which makes it a
 * runnable WASI test program too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "workload.h"

static const char *const text =
    "It was the best of times, it was the worst of times, it was the age of wisdom, "
    "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
    "incredulity, it was the season of Light, it was the season of Darkness, it was the "
    "spring of hope, it was the winter of despair, we had everything before us, we had "
    "nothing before us, we were all going direct to Heaven, we were all going direct the "
    "other way.";

struct word_count {
    char *word;
    int count;
};

/* Most frequent first; ties alphabetically, so that the order is fully determined. */
static int by_count_then_word(const void *left, const void *right) {
    const struct word_count *a = left;
    const struct word_count *b = right;
    if (a->count != b->count) return b->count - a->count;
    return strcmp(a->word, b->word);
}

/* Counts the words of `text` (case-folded) and prints the most frequent ones. */
static void print_word_frequencies(int shown) {
    char *copy = strdup(text);
    struct word_count *counts = NULL;
    size_t distinct = 0;
    for (char *token = strtok(copy, " ,.;"); token != NULL; token = strtok(NULL, " ,.;")) {
        for (char *p = token; *p; p++) *p = (char) tolower((unsigned char) *p);
        size_t i = 0;
        while (i < distinct && strcmp(counts[i].word, token) != 0) i++;
        if (i == distinct) {
            counts = realloc(counts, (distinct + 1) * sizeof *counts);
            counts[distinct].word = token;
            counts[distinct].count = 0;
            distinct++;
        }
        counts[i].count++;
    }
    qsort(counts, distinct, sizeof *counts, by_count_then_word);
    char line[256];
    size_t used = 0;
    for (int i = 0; i < shown && (size_t) i < distinct; i++) {
        used += (size_t) snprintf(line + used, sizeof line - used, "%s%s=%d",
                                  i == 0 ? "" : " ", counts[i].word, counts[i].count);
    }
    printf("words: %zu distinct; top: %s\n", distinct, line);
    free(counts);
    free(copy);
}

static const char *const readings =
    "station,celsius,rain_mm\n"
    "harbour,12.5,3\n"
    "hill,8.25,11\n"
    "airport,10.75,0\n"
    "valley,14.0,7\n";

/* Parses the CSV above with sscanf and strtod, and prints mean temperature and total rain. */
static void print_readings_summary(void) {
    char *copy = strdup(readings);
    char *save = NULL;
    double celsius_sum = 0.0;
    long rain_total = 0;
    int rows = 0;
    char warmest[32] = "";
    double warmest_celsius = -1e9;
    strtok_r(copy, "\n", &save); /* the header */
    for (char *row = strtok_r(NULL, "\n", &save); row != NULL; row = strtok_r(NULL, "\n", &save)) {
        char station[32];
        int consumed = 0;
        if (sscanf(row, "%31[^,],%n", station, &consumed) != 1) continue;
        char *end = NULL;
        double celsius = strtod(row + consumed, &end);
        rain_total += strtol(end + 1, NULL, 10);
        celsius_sum += celsius;
        if (celsius > warmest_celsius) {
            warmest_celsius = celsius;
            snprintf(warmest, sizeof warmest, "%s", station);
        }
        rows++;
    }
    printf("readings: %d rows, mean %.3f C (%g), rain %ld mm, warmest %s\n",
           rows, celsius_sum / rows, celsius_sum / rows, rain_total, warmest);
    free(copy);
}

int main(void) {
    printf("fib(20) = %d\n", fib(20));
    printf("sieve(100000, 1) = %d\n", sieve(100000, 1));
    int64_t product = matmul(32, 1);
    printf("matmul(32, 1) = %lld (%.4f as the f64 sum)\n", (long long) product, product / 16.0);
    printf("sha256(1000, 2) = %016llx\n", (unsigned long long) sha256(1000, 2));
    printf("quicksort(10000, 1) = %d\n", quicksort(10000, 1));
    print_word_frequencies(5);
    print_readings_summary();
    return 0;
}
