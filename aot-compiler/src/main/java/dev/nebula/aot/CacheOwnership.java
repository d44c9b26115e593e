package dev.nebula.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Who may have written the AOT cache. An entry's classes run in the JVM that loads them, so a
 * cache another user could write to is a way to run code as this user: such a folder or entry is
 * not used. Only the user running Nebula may own the folder and the entry, and neither may be
 * writable by group or others.
 */
final class CacheOwnership {

    private static final Set<PosixFilePermission> SHARED_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private CacheOwnership() {
    }

    /**
     * Whether the cache may be read from and written to: {@code directory} (when it exists) and
     * {@code entry} (when it exists) are this user's and not writable by anyone else. True on
     * file systems without POSIX attributes, which have no such owners to check.
     */
    static boolean mayUse(Path directory, Path entry) {
        return privateOrAbsent(directory) && privateOrAbsent(entry);
    }

    private static boolean privateOrAbsent(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) return true;
        PosixFileAttributes attributes;
        try {
            attributes = view.readAttributes();
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
        if (attributes.isSymbolicLink()) return false;
        if (attributes.permissions().stream().anyMatch(SHARED_WRITE::contains)) return false;
        return attributes.owner().getName().equals(System.getProperty("user.name"));
    }

    /** Creates {@code directory} and any missing parents, new ones readable by this user alone where permissions exist. */
    static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) return;
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }
}
