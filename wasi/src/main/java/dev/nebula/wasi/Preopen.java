package dev.nebula.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the program may use, and the name it sees it under (what
 * {@code fd_prestat_dir_name} returns, e.g. {@code "/"} or {@code "data"}). Everything the guest
 * reaches by path lies beneath a preopen: {@code ..}, absolute paths and symbolic links never
 * lead outside. A read-only preopen refuses every change below it with EPERM.
 */
public record Preopen(Path hostPath, String guestPath, boolean readOnly) {

    public Preopen {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(guestPath, "guestPath");
        if (guestPath.isEmpty()) throw new IllegalArgumentException("guest path of a preopen must not be empty");
        if (guestPath.indexOf('\0') >= 0) throw new IllegalArgumentException("guest path must not contain NUL");
    }
}
