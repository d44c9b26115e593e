/*
 * Copies standard input into a file inside a preopened directory, then reports how many bytes
 * it wrote. The file is argv[1], default /data/stdin.txt; the program can only reach it if the
 * runtime granted the directory (e.g. nebula run --dir ./out::/data).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/data/stdin.txt";
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "save_stdin: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    char buf[4096];
    size_t n;
    long total = 0;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        if (fwrite(buf, 1, n, out) != n) {
            fprintf(stderr, "save_stdin: cannot write %s: %s\n", path, strerror(errno));
            return 1;
        }
        total += (long) n;
    }
    if (fclose(out) != 0) {
        fprintf(stderr, "save_stdin: cannot close %s: %s\n", path, strerror(errno));
        return 1;
    }
    printf("wrote %ld bytes to %s\n", total, path);
    return 0;
}
