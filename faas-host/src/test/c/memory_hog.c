/* Test program for the container driver: touches memory a MiB at a time until it is killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    for (long mib = 1; mib <= 4096; mib++) {
        char *block = malloc(1 << 20);
        if (block == NULL) return 3;
        memset(block, (int) mib, 1 << 20);
    }
    printf("allocated 4 GiB without being stopped\n");
    return 0;
}
