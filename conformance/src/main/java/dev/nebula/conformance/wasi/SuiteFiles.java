package dev.nebula.conformance.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the tests under a path: the suite's root (the folder holding {@code tests/}), its
 * {@code tests/} folder, a {@code tests/<lang>} or {@code tests/<lang>/testsuite} folder, a
 * {@code tests/<lang>/testsuite/wasm32-wasip1} folder, or a single {@code .wasm} file.
 *
 * <p>A folder that holds {@code .wasm} files directly stands for those, sorted by name (its
 * subfolders are the tests' fixtures, such as {@code fs-tests.dir}); any other folder stands for
 * the tests of its subfolders, in name order, except target folders of other WASI versions
 * ({@code wasm32-wasip3} and the like hold component-model binaries, not preview1 modules).
 */
public final class SuiteFiles {

    /** The folder of preview1 modules in each language's {@code testsuite} folder. */
    public static final String TARGET = "wasm32-wasip1";

    /** Where to get the suite, for messages about a missing one. */
    public static final String WHERE_TO_GET = "get the prod/testsuite-base branch of"
            + " https://github.com/WebAssembly/wasi-testsuite (its tests/ folder holds the prebuilt modules),"
            + " e.g. into ../shared/wasi-testsuite beside the repository";

    private SuiteFiles() {
    }

    /**
     * The tests under {@code path}, in a stable order.
     *
     * @throws NoSuchFileException when {@code path} does not exist
     * @throws IOException         when a folder or a test's JSON cannot be read, or a file is not a {@code .wasm}
     */
    public static List<SuiteCase> find(Path path) throws IOException {
        List<SuiteCase> cases = new ArrayList<>();
        for (Path wasm : modules(path)) cases.add(SuiteCase.read(wasm));
        return cases;
    }

    /** The {@code .wasm} files that {@code path} stands for. */
    public static List<Path> modules(Path path) throws IOException {
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        if (!Files.isDirectory(path)) {
            if (!isModule(path)) throw new IOException(path + ": not a .wasm module");
            return List.of(path);
        }
        List<Path> found = new ArrayList<>();
        collect(path, found);
        return found;
    }

    private static void collect(Path folder, List<Path> found) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.sorted().toList();
        }
        List<Path> modules = entries.stream().filter(p -> isModule(p) && Files.isRegularFile(p)).toList();
        if (!modules.isEmpty()) {
            found.addAll(modules);
            return;
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) continue;
            if (name.startsWith("wasm32-") && !name.equals(TARGET)) continue;
            collect(entry, found);
        }
    }

    private static boolean isModule(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(".wasm");
    }
}
