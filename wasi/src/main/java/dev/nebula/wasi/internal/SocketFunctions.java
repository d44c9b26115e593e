package dev.nebula.wasi.internal;

import static dev.nebula.wasi.internal.WasiCall.i32;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send} and {@code sock_shutdown} (preview1).
 * No socket is ever granted to the program, so every open descriptor is not a socket: the answer
 * is ENOTSOCK, or EBADF for a descriptor that is not open, as POSIX and the wasi-testsuite's
 * sock_shutdown tests expect. ENOTSUP would say sockets exist but the operation does not.
 */
final class SocketFunctions {

    private final WasiContext ctx;

    SocketFunctions(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code sock_accept(fd, flags: fdflags) -> fd}. */
    int accept(GuestMemory m, long[] a) {
        return notASocket(i32(a, 0));
    }

    /** {@code sock_recv(fd, ri_data: iovec_array, ri_flags: riflags) -> (size, roflags)}. */
    int recv(GuestMemory m, long[] a) {
        return notASocket(i32(a, 0));
    }

    /** {@code sock_send(fd, si_data: ciovec_array, si_flags: siflags) -> size}. */
    int send(GuestMemory m, long[] a) {
        return notASocket(i32(a, 0));
    }

    /** {@code sock_shutdown(fd, how: sdflags)}. */
    int shutdown(GuestMemory m, long[] a) {
        return notASocket(i32(a, 0));
    }

    private int notASocket(int fd) {
        ctx.fds().get(fd);
        return Errno.NOTSOCK;
    }
}
