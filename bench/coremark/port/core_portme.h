/*
 * Nebula's CoreMark port layer for WASI preview1 (wasm32-wasi) and for a native build of the same
 * code, so that both time the same thing. Written for this project; it only fills in the
 * configuration and types that CoreMark's coremark.h expects from a port (see CoreMark's README,
 * "Porting"). CoreMark itself is not part of this repository: bench/coremark/build.sh takes it
 * from COREMARK_SRC.
 *
 * Seeds and iteration count come from a "system function" (SEED_FUNC): argv[1], if given, is the
 * iteration count, else ITERATIONS (set by build.sh); the seeds are those of CoreMark's 2K
 * performance run (0, 0, 0x66), so the list, matrix and state CRCs can be checked.
 */
#ifndef CORE_PORTME_H
#define CORE_PORTME_H

#include <stddef.h>
#include <stdint.h>

#define HAS_FLOAT 1
#define HAS_TIME_H 1
#define USE_CLOCK 0
#define HAS_STDIO 1
#define HAS_PRINTF 1

/* Microseconds from a monotonic clock (see core_portme.c). */
typedef uint64_t CORE_TICKS;

#ifndef COMPILER_VERSION
#define COMPILER_VERSION __VERSION__
#endif
#ifndef FLAGS_STR
#define FLAGS_STR "(unknown: build with bench/coremark/build.sh)"
#endif
#define COMPILER_FLAGS FLAGS_STR
#define MEM_LOCATION "Static"

typedef signed short ee_s16;
typedef unsigned short ee_u16;
typedef signed int ee_s32;
typedef float ee_f32;
typedef unsigned char ee_u8;
typedef unsigned int ee_u32;
typedef uintptr_t ee_ptr_int;
typedef size_t ee_size_t;

/* Rounds a pointer up to the next multiple of 4. */
#define align_mem(x) (void *)(4 + (((ee_ptr_int)(x)-1) & ~3))

/* Some copies of core_list_join.c size a list cell as two pointers of POINTER_SPACE bytes plus
 * its data. Eight bytes, whatever the target's pointers, keeps the list as long as the reference
 * CRCs assume (the comment there: the same code runs on 32- and 64-bit targets). */
#ifndef POINTER_SPACE
#define POINTER_SPACE 8
#endif

#define SEED_METHOD SEED_FUNC
#define MEM_METHOD MEM_STATIC
#define MULTITHREAD 1
#define MAIN_HAS_NOARGC 0
#define MAIN_HAS_NORETURN 0

#ifndef ITERATIONS
#define ITERATIONS 2000
#endif

extern ee_u32 default_num_contexts;

typedef struct CORE_PORTABLE_S {
    ee_u8 portable_id;
} core_portable;

void portable_init(core_portable *p, int *argc, char *argv[]);
void portable_fini(core_portable *p);

/* SEED_FUNC: the values CoreMark's get_seed_32(1..5) returns. */
ee_s32 portme_sys1(void);
ee_s32 portme_sys2(void);
ee_s32 portme_sys3(void);
ee_s32 portme_sys4(void);
ee_s32 portme_sys5(void);

#endif /* CORE_PORTME_H */
