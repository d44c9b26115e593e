/*
 * Tries to leave the sandbox every way a program could, through wasi-libc as any C program
 * would, and prints one line per attempt: "<label> <errno>" (0 when the call succeeded).
 * wasi-libc's errno values are preview1's, so 76 is ENOTCAPABLE, 63 EPERM, 32 ELOOP, 44 ENOENT.
 *
 * Expected layout (SandboxProgramsTest builds it): preopen "/sandbox" (writable) holding
 * file, sub/, escape -> ../outside/secret, abs -> <host>/outside/secret, dangling -> missing,
 * dangling-out -> ../outside/new, loop -> loop, ping -> pong, pong -> ping; preopen "/ro"
 * (read-only) holding data; and, beside the sandbox on the host, outside/secret.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *label, int result) {
    printf("%s %d\n", label, result < 0 ? errno : 0);
}

static int open_close(const char *path, int flags) {
    int fd = open(path, flags, 0644);
    if (fd >= 0) close(fd);
    return fd;
}

int main(void) {
    struct stat st;
    char buf[64];

    /* ".." above the preopen, directly and after descending. */
    report("open-dotdot", open_close("/sandbox/../outside/secret", O_RDONLY));
    report("open-sub-dotdot", open_close("/sandbox/sub/../../outside/secret", O_RDONLY));
    report("opendir-dotdot", open_close("/sandbox/..", O_RDONLY | O_DIRECTORY));

    /* An absolute host path that no preopen covers. */
    report("open-absolute", open_close("/etc/passwd", O_RDONLY));

    /* Symbolic links: pointing outside, absolute, dangling, looping. */
    report("open-symlink-out", open_close("/sandbox/escape", O_RDONLY));
    report("open-symlink-abs", open_close("/sandbox/abs", O_RDONLY));
    report("stat-symlink-out", stat("/sandbox/escape", &st));
    report("lstat-symlink-out", lstat("/sandbox/escape", &st));
    report("readlink-symlink-out", (int) readlink("/sandbox/escape", buf, sizeof buf));
    report("open-dangling", open_close("/sandbox/dangling", O_RDONLY));
    report("create-through-dangling-out", open_close("/sandbox/dangling-out", O_CREAT | O_WRONLY));
    report("open-loop", open_close("/sandbox/loop", O_RDONLY));
    report("open-ping-pong", open_close("/sandbox/ping", O_RDONLY));
    report("open-nofollow-link", open_close("/sandbox/escape", O_RDONLY | O_NOFOLLOW));

    /* Moving or linking a file out, and planting links that point out. */
    report("rename-out", rename("/sandbox/file", "/sandbox/../outside/stolen"));
    report("link-out", link("/sandbox/file", "/sandbox/../outside/linked"));
    report("link-in-from-out", link("/sandbox/escape/../secret", "/sandbox/got"));
    report("symlink-absolute", symlink("/etc/passwd", "/sandbox/newlink"));
    report("symlink-relative-out", symlink("../outside/secret", "/sandbox/rel-out"));
    report("open-planted-link", open_close("/sandbox/rel-out", O_RDONLY));
    report("mkdir-out", mkdir("/sandbox/../outside/made", 0755));

    /* The read-only preopen: reading works, every change is refused. */
    report("ro-read", open_close("/ro/data", O_RDONLY));
    report("ro-write", open_close("/ro/data", O_WRONLY));
    report("ro-create", open_close("/ro/new", O_CREAT | O_WRONLY));
    report("ro-truncate", open_close("/ro/data", O_RDONLY | O_TRUNC));
    report("ro-mkdir", mkdir("/ro/dir", 0755));
    report("ro-unlink", unlink("/ro/data"));
    report("ro-rename-in", rename("/sandbox/file", "/ro/file"));
    report("ro-symlink", symlink("data", "/ro/link"));

    /* Inside the sandbox everything still works. */
    report("inside-create", open_close("/sandbox/sub/new", O_CREAT | O_WRONLY));
    report("inside-rename", rename("/sandbox/sub/new", "/sandbox/sub/renamed"));
    report("inside-dotdot", open_close("/sandbox/sub/../file", O_RDONLY));
    return 0;
}
