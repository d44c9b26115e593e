/*
 * Nebula's CoreMark port layer: timing, seeds and set-up for WASI preview1 and native builds
 * (see core_portme.h). Written for this project.
 */
#include <stdlib.h>
#include <time.h>

#include "coremark.h"

ee_u32 default_num_contexts = 1;

static ee_s32 iterations = ITERATIONS;
static CORE_TICKS start_ticks, stop_ticks;

/* CLOCK_MONOTONIC: WASI's clock_time_get(monotonic) on wasm32-wasi, the kernel's clock natively. */
static CORE_TICKS now_microseconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (CORE_TICKS)t.tv_sec * 1000000u + (CORE_TICKS)t.tv_nsec / 1000u;
}

void start_time(void) {
    start_ticks = now_microseconds();
}

void stop_time(void) {
    stop_ticks = now_microseconds();
}

CORE_TICKS get_time(void) {
    return stop_ticks - start_ticks;
}

secs_ret time_in_secs(CORE_TICKS ticks) {
    return (secs_ret)ticks / 1e6;
}

void *portable_malloc(ee_size_t size) {
    return malloc(size);
}

void portable_free(void *p) {
    free(p);
}

/* argv[1], if given, is the iteration count (0: CoreMark picks one that runs about 10 s). */
void portable_init(core_portable *p, int *argc, char *argv[]) {
    if (*argc > 1) iterations = (ee_s32)strtol(argv[1], NULL, 0);
    if (sizeof(ee_ptr_int) != sizeof(ee_u8 *)) ee_printf("ERROR! ee_ptr_int does not hold a pointer\n");
    if (sizeof(ee_u32) != 4) ee_printf("ERROR! ee_u32 is not 32 bits\n");
    p->portable_id = 1;
}

void portable_fini(core_portable *p) {
    p->portable_id = 0;
}

/* The seeds of CoreMark's 2K performance run; volatile so that the compiler cannot fold them. */
static volatile ee_s32 seeds[3] = {0, 0, 0x66};

ee_s32 portme_sys1(void) { return seeds[0]; }
ee_s32 portme_sys2(void) { return seeds[1]; }
ee_s32 portme_sys3(void) { return seeds[2]; }
ee_s32 portme_sys4(void) { return iterations; }
ee_s32 portme_sys5(void) { return 0; }
