package dev.nebula.wasi.testsuite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tests of the wasi-testsuite that are not run, with the reason for each: data, read from a
 * text file (the bundled {@code skip-list.txt} by default), never conditions in the runner.
 *
 * <p>Each non-comment line is {@code [engine=ENGINE] TEST | REASON}, where {@code TEST} is a
 * test's id ({@code rust/path_open_preopen}) or a glob over ids ({@code *} any run of
 * characters, {@code ?} one character) and {@code engine=interp} limits the line to one engine
 * (its {@code --engine} short name). When several lines match, the most specific wins: an exact
 * id beats a glob, and naming the engine beats not naming it. Every line needs a reason.
 */
public final class SkipList {

    /** The bundled list's resource name, beside this class. */
    public static final String BUNDLED = "skip-list.txt";

    private record Rule(String engine, String test, Pattern glob, String reason) {

        int specificity() {
            return (glob == null ? 2 : 0) + (engine == null ? 0 : 1);
        }

        boolean matches(String engineName, String id) {
            if (engine != null && !engine.equals(engineName)) return false;
            return glob == null ? test.equals(id) : glob.matcher(id).matches();
        }
    }

    private final List<Rule> rules;

    private SkipList(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The list shipped with this version of the runner. */
    public static SkipList bundled() {
        try (InputStream in = SkipList.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("resource " + BUNDLED + " missing from the class path");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list that skips nothing. */
    public static SkipList none() {
        return new SkipList(List.of());
    }

    /** The list in {@code file}; the exception's message names the file and the bad line. */
    public static SkipList read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static SkipList parse(InputStream text) throws IOException {
        List<Rule> rules = new ArrayList<>();
        Set<String> selectors = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) continue;
            int bar = content.indexOf('|');
            if (bar < 0) throw new IOException("skip list line " + number + ": expected \"TEST | REASON\": " + line);
            String selector = content.substring(0, bar).strip().replaceAll("\\s+", " ");
            String reason = content.substring(bar + 1).strip();
            if (reason.isEmpty()) throw new IOException("skip list line " + number + ": " + selector + " has no reason");
            if (!selectors.add(selector)) throw new IOException("skip list line " + number + ": duplicate selector " + selector);
            String engine = null;
            String test = selector;
            if (test.startsWith("engine=")) {
                int space = test.indexOf(' ');
                if (space < 0) throw new IOException("skip list line " + number + ": engine=NAME needs a test after it");
                engine = test.substring("engine=".length(), space);
                test = test.substring(space + 1);
            }
            if (test.isEmpty() || test.contains(" ")) {
                throw new IOException("skip list line " + number + ": expected one test id or glob, got \"" + test + "\"");
            }
            boolean isGlob = test.indexOf('*') >= 0 || test.indexOf('?') >= 0;
            rules.add(new Rule(engine, test, isGlob ? glob(test) : null, reason));
        }
        return new SkipList(rules);
    }

    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Why the test {@code id} is skipped on the engine {@code engineName} ({@code interp}; null
     * matches only lines for every engine), or empty when it must run.
     */
    public Optional<String> reasonFor(String engineName, String id) {
        Rule best = null;
        for (Rule rule : rules) {
            if (best != null && rule.specificity() <= best.specificity()) continue;
            if (rule.matches(engineName, id)) best = rule;
        }
        return best == null ? Optional.empty() : Optional.of(best.reason());
    }

    /** How many lines the list has. */
    public int size() {
        return rules.size();
    }

    /** The lines, as {@code [engine=E ]TEST | REASON}. */
    @Override
    public String toString() {
        return rules.stream().map(r -> (r.engine() == null ? "" : "engine=" + r.engine() + " ") + r.test() + " | " + r.reason()).toList().toString();
    }
}
