package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.Glob;
import dev.nebula.conformance.skip.Selector;
import dev.nebula.conformance.skip.SelectorSyntax;
import dev.nebula.conformance.skip.SkipList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The WASI testsuite runner's skip list: the {@link SkipList} format, with a test's id as the
 * selector ({@code rust/path_open_preopen}) or a glob over ids ({@code rust/*}: {@code *} any run
 * of characters, {@code ?} one character). An exact id beats a glob. The bundled list is
 * {@value #BUNDLED}, beside this class.
 */
public final class WasiSkipRules {

    /** The bundled list's resource name, beside this class. */
    public static final String BUNDLED = "wasi-testsuite-skips.txt";

    /** A test's id, {@code suite/name}, or a glob over ids. */
    public static final SelectorSyntax<String> SYNTAX = WasiSkipRules::selector;

    private WasiSkipRules() {
    }

    /** The list shipped with this version of the runner. */
    public static SkipList<String> bundled() {
        return SkipList.bundled(WasiSkipRules.class, BUNDLED, SYNTAX);
    }

    /** The list in {@code file}; errors name the file and the line. */
    public static SkipList<String> read(Path file) throws IOException {
        return SkipList.read(file, SYNTAX);
    }

    /** The list in {@code text}, for tests; errors call it {@code source}. */
    public static SkipList<String> parse(String source, String text) throws IOException {
        return SkipList.parse(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SYNTAX);
    }

    private static Selector<String> selector(String text) {
        if (!Glob.isGlob(text)) return new Exact(text);
        return new IdGlob(Glob.compile(text));
    }

    private record Exact(String id) implements Selector<String> {
        @Override
        public boolean matches(String subject) {
            return id.equals(subject);
        }

        @Override
        public int specificity() {
            return 2;
        }
    }

    private record IdGlob(Pattern glob) implements Selector<String> {
        @Override
        public boolean matches(String subject) {
            return glob.matcher(subject).matches();
        }

        @Override
        public int specificity() {
            return 0;
        }
    }
}
