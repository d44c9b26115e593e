/*
 * n! exactly, for n from 0 to 1000 on stdin. The product is kept as base-10^9 limbs (least
 * significant first), so the thesis's sweep up to 130! (220 digits) is exact and the work grows
 * with n, unlike a 64-bit product that overflows after 20!.
 */
#include <inttypes.h>
#include "input.h"
#include "stamp.h"

#define LIMB_BASE 1000000000u
#define MAX_LIMBS 300 /* 1000! has 2568 digits: 286 limbs of 9 */

int main(void) {
    long long started = stamp_now_micros();
    long n = read_long("factorial", 0, 1000);
    static uint32_t limbs[MAX_LIMBS];
    int used = 1;
    limbs[0] = 1;
    for (uint32_t k = 2; k <= (uint32_t) n; k++) {
        uint64_t carry = 0;
        for (int i = 0; i < used; i++) {
            uint64_t product = (uint64_t) limbs[i] * k + carry;
            limbs[i] = (uint32_t) (product % LIMB_BASE);
            carry = product / LIMB_BASE;
        }
        while (carry != 0) {
            limbs[used++] = (uint32_t) (carry % LIMB_BASE);
            carry /= LIMB_BASE;
        }
    }
    printf("%" PRIu32, limbs[used - 1]);
    for (int i = used - 2; i >= 0; i--) printf("%09" PRIu32, limbs[i]);
    end_answer(started);
    return 0;
}
