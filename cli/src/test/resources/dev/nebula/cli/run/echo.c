// The WASI program RunCommandTest runs. Rebuild with:
//   clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o echo.wasm echo.c
// Prints "argv[i]=..." for each argument and "env NAME=VALUE" for each variable; then, by argv[1]:
//   "cat FILE"   prints FILE's contents;    "write FILE TEXT" creates FILE holding TEXT;
//   "exit N"     exits with code N;         "trap"            executes unreachable.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++) printf("env %s\n", *e);
    if (argc > 2 && strcmp(argv[1], "cat") == 0) {
        FILE *f = fopen(argv[2], "r");
        if (!f) { perror(argv[2]); return 1; }
        int c;
        while ((c = fgetc(f)) != EOF) putchar(c);
        fclose(f);
    } else if (argc > 3 && strcmp(argv[1], "write") == 0) {
        FILE *f = fopen(argv[2], "w");
        if (!f) { perror(argv[2]); return 1; }
        fputs(argv[3], f);
        fclose(f);
    } else if (argc > 2 && strcmp(argv[1], "exit") == 0) {
        printf("exiting\n");
        exit(atoi(argv[2]));
    } else if (argc > 1 && strcmp(argv[1], "trap") == 0) {
        printf("before the trap\n");
        fflush(stdout);
        __builtin_trap();
    }
    return 0;
}
