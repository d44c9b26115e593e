package dev.nebula.decoder.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world modules of the Sightglass benchmark suite, which the robustness properties use
 * as seeds. Their folder comes from the system property {@code sightglass.dir} (the parent pom's
 * surefire configuration sets it) or else {@code ../shared/sightglass} beside the repository.
 * A missing folder fails the tests that need it, saying where to get it, instead of letting the
 * properties quietly run on fewer seeds.
 */
public final class SightglassCorpus {

    private static final String HOW_TO_GET_IT =
            "Get the prebuilt modules from https://github.com/bytecodealliance/sightglass "
                    + "(benchmarks/*/*.wasm, e.g. at commit 08180eba9354b1c46a366ef522e9fbdf711512ce), "
                    + "copy them to ../shared/sightglass beside the repository, "
                    + "or pass -Dsightglass.dir=/path/to/them.";

    private static List<Path> modules;

    private SightglassCorpus() {
    }

    /** The folder of the corpus; fails with instructions when it does not exist or holds no modules. */
    public static Path directory() {
        String configured = System.getProperty("sightglass.dir");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repositoryRoot().resolve("../shared/sightglass");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Sightglass modules not found: " + dir + " does not exist. " + HOW_TO_GET_IT);
        }
        return dir;
    }

    /** Every {@code .wasm} file of the corpus, smallest first. */
    public static synchronized List<Path> modules() {
        if (modules == null) {
            Path dir = directory();
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> found = new ArrayList<>(files.filter(p -> p.toString().endsWith(".wasm")).toList());
                found.sort(Comparator.comparingLong(SightglassCorpus::size).thenComparing(Path::toString));
                if (found.isEmpty()) {
                    throw new IllegalStateException("Sightglass folder " + dir + " holds no .wasm files. " + HOW_TO_GET_IT);
                }
                modules = List.copyOf(found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        return modules;
    }

    /** The corpus modules of at most {@code maxBytes} bytes, smallest first. */
    public static List<Path> modulesUpTo(long maxBytes) {
        return modules().stream().filter(p -> size(p) <= maxBytes).toList();
    }

    public static byte[] read(Path module) {
        try {
            return Files.readAllBytes(module);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module, e);
        }
    }

    /** A short name for reports: the path below the corpus folder. */
    public static String nameOf(Path module) {
        return directory().relativize(module).toString();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the parent pom and the decoder module, found from the working directory up. */
    private static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("decoder"))) return p;
        }
        throw new IllegalStateException("cannot find the repository root above " + start
                + " to locate ../shared/sightglass. " + HOW_TO_GET_IT);
    }
}
