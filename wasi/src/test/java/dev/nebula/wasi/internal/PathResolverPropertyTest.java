package dev.nebula.wasi.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever path a guest makes from names, {@code .}, {@code ..}, slashes and links (into the
 * tree, out of it, absolute, dangling, looping), resolution either fails with an errno or lands
 * inside the directory: checked against the host's own view ({@code toRealPath}), not against
 * the resolver's logic.
 */
class PathResolverPropertyTest {

    private static Path tmp;
    private static Path root;
    private static DirectoryDescriptor dir;

    @BeforeContainer
    static void tree() throws IOException {
        tmp = Files.createTempDirectory("resolver-property");
        root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        Files.createDirectories(tmp.resolve("outside/deeper"));
        Files.writeString(tmp.resolve("outside/secret"), "x");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/file"), "f");
        Files.createSymbolicLink(root.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("a/upup"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("a/b/toa"), Path.of("../../a"));
        Files.createSymbolicLink(root.resolve("abs"), tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("out"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nowhere/at/all"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(root.resolve("self"), Path.of("."));
        dir = new DirectoryDescriptor(root, false, "/", Rights.DIRECTORY, Rights.DIRECTORY_INHERITING, 0);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> component = Arbitraries.of(".", "..", "a", "b", "file", "up", "upup", "toa", "abs",
                "out", "dangling", "loop", "self", "secret", "deeper", "new", "");
        return component.list().ofMinSize(1).ofMaxSize(8)
                .flatMap(parts -> Arbitraries.of("", "/").map(end -> String.join("/", parts) + end))
                .flatMap(p -> Arbitraries.of("", "/").map(start -> start + p));
    }

    @Property(tries = 3000)
    void resolutionNeverLeavesTheDirectory(@ForAll("paths") String path,
                                           @ForAll PathResolver.Follow follow) throws IOException {
        PathResolver.Resolved r;
        try {
            r = PathResolver.resolve(dir, path, follow);
        } catch (WasiError refused) {
            return;
        }
        // The parent always exists: every directory entered was checked to be one.
        Path parent = r.parent().toRealPath();
        assertTrue(parent.startsWith(root), path + " resolved under " + parent);
        if (r.exists() && !r.isSymbolicLink()) {
            Path target = r.host().toRealPath();
            assertTrue(target.startsWith(root), path + " resolved to " + target);
        }
        if (r.name() != null && (r.name().contains("/") || r.name().equals("..") || r.name().equals("."))) {
            fail(path + " left a name that is not one plain component: " + r.name());
        }
    }
}
