package dev.nebula.faas.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new, never
 * a mix: write a temporary file beside it, force it to disk, rename it over the target (atomic
 * within one folder on POSIX), then force the folder so that the rename itself survives.
 * Temporary files end in {@value #TEMP_SUFFIX}; whoever reads the folder ignores and removes them.
 */
public final class AtomicFiles {

    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}, readable only by the owner when {@code ownerOnly}. */
    public static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve(target.getFileName() + "." + Long.toHexString(System.nanoTime()) + TEMP_SUFFIX);
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = ownerOnly && posix(folder)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temp, options, attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot rename atomically", e);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder(folder);
    }

    /** Deletes {@code target} if it exists and makes the deletion durable. */
    public static void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) forceFolder(target.toAbsolutePath().getParent());
    }

    /** Creates {@code folder} (and its parents) if missing. */
    public static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(folder + " exists and is not a folder", e);
        }
    }

    /** Forces a folder's entries to disk; where the platform cannot open a folder, there is nothing to do. */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (posix(folder)) throw e;
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
