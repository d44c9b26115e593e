package dev.nebula.wasi.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Turns what the JDK throws into the preview1 errno that the same failure has natively. The JDK
 * maps the common POSIX errors to exception classes and leaves the rest as a
 * {@link FileSystemException} whose reason is the C library's {@code strerror} text, so those are
 * matched on that text.
 */
public final class IoErrors {

    private IoErrors() {
    }

    public static int errnoOf(Throwable e) {
        if (e instanceof WasiError w) return w.errno();
        if (e instanceof NoSuchFileException) return Errno.NOENT;
        if (e instanceof FileAlreadyExistsException) return Errno.EXIST;
        if (e instanceof DirectoryNotEmptyException) return Errno.NOTEMPTY;
        if (e instanceof AccessDeniedException) return Errno.ACCES;
        if (e instanceof NotDirectoryException) return Errno.NOTDIR;
        if (e instanceof NotLinkException) return Errno.INVAL;
        if (e instanceof FileSystemLoopException) return Errno.LOOP;
        if (e instanceof ClosedChannelException) return Errno.BADF;
        if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) return Errno.BADF;
        if (e instanceof FileSystemException fse && fse.getReason() != null) return ofReason(fse.getReason());
        if (e instanceof IOException io && io.getMessage() != null) return ofReason(io.getMessage());
        return Errno.IO;
    }

    private static int ofReason(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("too many levels of symbolic links")) return Errno.LOOP;
        if (r.contains("not a directory")) return Errno.NOTDIR;
        if (r.contains("is a directory")) return Errno.ISDIR;
        if (r.contains("directory not empty")) return Errno.NOTEMPTY;
        if (r.contains("operation not permitted")) return Errno.PERM;
        if (r.contains("permission denied")) return Errno.ACCES;
        if (r.contains("file exists")) return Errno.EXIST;
        if (r.contains("no such file")) return Errno.NOENT;
        if (r.contains("invalid argument")) return Errno.INVAL;
        if (r.contains("read-only file system")) return Errno.ROFS;
        if (r.contains("no space left")) return Errno.NOSPC;
        if (r.contains("file name too long")) return Errno.NAMETOOLONG;
        if (r.contains("cross-device")) return Errno.XDEV;
        if (r.contains("too many open files")) return Errno.MFILE;
        if (r.contains("too many links")) return Errno.MLINK;
        if (r.contains("device or resource busy")) return Errno.BUSY;
        if (r.contains("file too large")) return Errno.FBIG;
        if (r.contains("illegal seek")) return Errno.SPIPE;
        if (r.contains("bad file descriptor")) return Errno.BADF;
        return Errno.IO;
    }
}
