package dev.nebula.conformance.skip;

import dev.nebula.runtime.EngineKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tests a harness does not run, each with its reason: data, read from a text file, never
 * conditions in a runner. Both harnesses (the spec suite and the WASI testsuite) read their lists
 * with this one parser; only the selector grammar differs ({@link SelectorSyntax}).
 *
 * <p>The format, line by line ({@code #} starts a comment line; blank lines are ignored):
 * <pre>
 * reason KEY = DESCRIPTION              declares a reason: KEY is [a-z0-9-]+, DESCRIPTION one sentence
 * [engine=ENGINE] SELECTOR | KEY        an entry: these tests are not run, for the reason KEY
 * </pre>
 * {@code ENGINE} limits an entry to one engine ({@code interp}, {@code aot}); {@code SELECTOR} is
 * one word in the harness's grammar. Every entry names a declared reason; a reason may be
 * declared anywhere in the file, once. When several entries match a test, the most specific
 * wins (the selector's {@link Selector#specificity()}, plus one for naming an engine), and among
 * equals the first. Any other line is an error that names the file and the line
 * ({@link SkipListFormatException}): an entry without a reason, an undeclared reason, a
 * selector listed twice, an unknown engine, a selector the grammar rejects.
 *
 * @param <S> what the harness asks about (a spec command in its script, a WASI test's id)
 */
public final class SkipList<S> {

    private static final String DECLARATION = "reason ";

    private final String source;
    private final List<SkipEntry<S>> entries;
    private final List<SkipReason> reasons;

    private SkipList(String source, List<SkipEntry<S>> entries, List<SkipReason> reasons) {
        this.source = source;
        this.entries = List.copyOf(entries);
        this.reasons = List.copyOf(reasons);
    }

    /** A list that skips nothing. */
    public static <S> SkipList<S> none() {
        return new SkipList<>("(none)", List.of(), List.of());
    }

    /**
     * The list bundled as the resource {@code name} beside {@code anchor}. A bundled list that is
     * missing or malformed is a bug of the build, so this throws unchecked.
     */
    public static <S> SkipList<S> bundled(Class<?> anchor, String name, SelectorSyntax<S> syntax) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("skip list " + name + " missing beside " + anchor.getName());
            return parse(name, in, syntax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list in {@code file}; errors name the file. */
    public static <S> SkipList<S> read(Path file, SelectorSyntax<S> syntax) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in, syntax);
        }
    }

    /**
     * Parses a list.
     *
     * @param source what errors call the text: its file name
     * @throws SkipListFormatException for a line that is not a comment, a declaration or a well-formed entry
     */
    public static <S> SkipList<S> parse(String source, InputStream text, SelectorSyntax<S> syntax) throws IOException {
        List<String> lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8)).lines().toList();
        Map<String, SkipReason> reasons = declaredReasons(source, lines);
        List<SkipEntry<S>> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            int number = i + 1;
            if (content.isEmpty() || content.startsWith("#") || content.startsWith(DECLARATION)) continue;
            SkipEntry<S> entry = entry(source, number, content, reasons, syntax);
            Integer first = seen.putIfAbsent(entry.selectorWithEngine(), number);
            if (first != null) {
                throw new SkipListFormatException(source, number, "duplicate entry \"" + entry.selectorWithEngine() + "\" (first on line " + first + ")");
            }
            entries.add(entry);
        }
        return new SkipList<>(source, entries, List.copyOf(reasons.values()));
    }

    /** The {@code reason KEY = DESCRIPTION} lines, in file order; a key declared twice is an error. */
    private static Map<String, SkipReason> declaredReasons(String source, List<String> lines) throws SkipListFormatException {
        Map<String, SkipReason> reasons = new LinkedHashMap<>();
        Map<String, Integer> declaredOn = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            if (!content.startsWith(DECLARATION)) continue;
            int number = i + 1;
            String rest = content.substring(DECLARATION.length());
            int equals = rest.indexOf('=');
            if (equals < 0) throw new SkipListFormatException(source, number, "expected \"reason KEY = DESCRIPTION\", got \"" + content + "\"");
            SkipReason reason;
            try {
                reason = new SkipReason(rest.substring(0, equals).strip(), rest.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new SkipListFormatException(source, number, e.getMessage());
            }
            Integer first = declaredOn.putIfAbsent(reason.key(), number);
            if (first != null) throw new SkipListFormatException(source, number, "the reason " + reason.key() + " is already declared on line " + first);
            reasons.put(reason.key(), reason);
        }
        return reasons;
    }

    private static <S> SkipEntry<S> entry(String source, int number, String content, Map<String, SkipReason> reasons,
                                          SelectorSyntax<S> syntax) throws SkipListFormatException {
        int bar = content.indexOf('|');
        if (bar < 0) throw new SkipListFormatException(source, number, "missing reason: expected \"[engine=ENGINE] SELECTOR | REASON\", got \"" + content + "\"");
        String key = content.substring(bar + 1).strip();
        String selector = content.substring(0, bar).strip().replaceAll("\\s+", " ");
        if (key.isEmpty()) throw new SkipListFormatException(source, number, "missing reason after '|' for \"" + selector + "\"");
        SkipReason reason = reasons.get(key);
        if (reason == null) {
            String known = reasons.isEmpty() ? "none is declared" : "declared: " + String.join(", ", reasons.keySet());
            throw new SkipListFormatException(source, number, "unknown reason \"" + key + "\" (" + known
                    + "; declare it with a line \"reason " + (SkipReason.isKey(key) ? key : "KEY") + " = DESCRIPTION\")");
        }
        String engine = null;
        if (selector.startsWith("engine=")) {
            int space = selector.indexOf(' ');
            if (space < 0) throw new SkipListFormatException(source, number, "engine=NAME needs a selector after it");
            engine = selector.substring("engine=".length(), space);
            try {
                EngineKind.fromShortName(engine);
            } catch (IllegalArgumentException e) {
                throw new SkipListFormatException(source, number, e.getMessage());
            }
            selector = selector.substring(space + 1);
        }
        if (selector.isEmpty()) throw new SkipListFormatException(source, number, "no selector before '|'");
        if (selector.contains(" ")) throw new SkipListFormatException(source, number, "a selector is one word, got \"" + selector + "\"");
        try {
            return new SkipEntry<>(engine, selector, syntax.parse(selector), reason, number);
        } catch (IllegalArgumentException e) {
            throw new SkipListFormatException(source, number, e.getMessage());
        }
    }

    /**
     * Why {@code subject} is not run on the engine {@code engineName} ({@code interp}; null
     * matches only entries for every engine), or empty when it must run.
     */
    public Optional<SkipReason> reasonFor(String engineName, S subject) {
        SkipEntry<S> best = null;
        for (SkipEntry<S> entry : entries) {
            if (best != null && entry.specificity() <= best.specificity()) continue;
            if (entry.covers(engineName, subject)) best = entry;
        }
        return best == null ? Optional.empty() : Optional.of(best.reason());
    }

    /** The entries, in file order. */
    public List<SkipEntry<S>> entries() {
        return entries;
    }

    /** The declared reasons, in file order. */
    public List<SkipReason> reasons() {
        return reasons;
    }

    /** How many entries the list has. */
    public int size() {
        return entries.size();
    }

    /** Where the list came from (a file name, or the bundled resource's name). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source + " " + entries;
    }
}
