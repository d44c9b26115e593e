package dev.nebula.conformance.wasi;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh, writable copy of a test's fixture directory, so that the tests (which create and
 * delete files) never touch the shared suite, which is read-only anyway. Files are recreated
 * rather than copied with their attributes, because the originals are mode 0444; symbolic links
 * are recreated as links with the same target.
 */
final class Fixture {

    private Fixture() {
    }

    /** Copies the tree {@code from} into {@code to} (created, with any missing parents). */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isSymbolicLink(file)) Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                else Files.write(target, Files.readAllBytes(file));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code tree} and everything beneath it, read-only entries included, without following links. */
    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                if (!Files.isSymbolicLink(p)) p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
