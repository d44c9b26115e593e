package dev.nebula.cli.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec commands the harness does not run, with the reason for each: data, read from a text
 * file (the bundled {@code skip-list.txt} by default), never conditions buried in the runner.
 *
 * <p>Each non-comment line is {@code SELECTOR | REASON}, where
 * <pre>
 * SELECTOR  = [engine=ENGINE] RULE
 * RULE      = SCRIPT:LINE                        one command, e.g. binary.wast:42
 *           | [SCRIPT-GLOB:]KIND[/QUALIFIER]     e.g. assert_malformed/text, simd_*.wast:*&#47;v128
 * KIND      = a command kind as wast2json names it (assert_return), or * for every kind
 * QUALIFIER = text   a module assertion whose module is in the text format
 *           | v128   a command whose action has v128 in its type or can run a SIMD instruction
 * </pre>
 * {@code engine=interp} limits a rule to one engine (its {@code --engine} short name). When
 * several rules match, the most specific wins: a single command beats everything; otherwise each
 * of engine, script glob, kind and qualifier that a rule names makes it more specific.
 */
public final class SkipList {

    private static final String BUNDLED = "skip-list.txt";
    private static final Set<String> QUALIFIERS = Set.of("text", "v128");
    private static final Pattern SINGLE_COMMAND = Pattern.compile("([^:*?]+):(\\d+)");

    /** One parsed rule; null fields match anything. */
    private record Rule(String engine, String script, Pattern scriptGlob, int line, String kind, String qualifier,
                        SkipReason reason, int order) {

        int specificity() {
            if (line > 0) return 100 + (engine == null ? 0 : 1);
            return (engine == null ? 0 : 1) + (scriptGlob == null ? 0 : 1) + (kind == null ? 0 : 1) + (qualifier == null ? 0 : 1);
        }

        boolean matches(String engineName, String scriptName, ScriptCommand command, CommandFacts facts) {
            if (engine != null && !engine.equals(engineName)) return false;
            if (line > 0) return script.equals(scriptName) && command.line() == line;
            if (scriptGlob != null && !scriptGlob.matcher(scriptName).matches()) return false;
            if (kind != null && !kind.equals(command.kind())) return false;
            if (qualifier == null) return true;
            return switch (qualifier) {
                case "text" -> command instanceof ScriptCommand.ModuleAssertion a && a.moduleType() == ModuleType.TEXT;
                case "v128" -> command instanceof ScriptCommand.ActionAssertion && facts.touchesV128();
                default -> false;
            };
        }
    }

    /** What a rule may ask about a command beyond its kind, worked out only when a rule asks. */
    public interface CommandFacts {
        /** The command's action has v128 in its type, or the code it runs can reach a SIMD instruction. */
        boolean touchesV128();

        CommandFacts NONE = () -> false;
    }

    private final List<Rule> rules;

    private SkipList(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The list shipped with this version of the harness. */
    public static SkipList bundled() {
        try (InputStream in = SkipList.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("resource " + BUNDLED + " missing from the classpath");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list that skips nothing: every command kind must then be runnable. */
    public static SkipList none() {
        return new SkipList(List.of());
    }

    public static SkipList parse(InputStream text) throws IOException {
        List<Rule> rules = new ArrayList<>();
        Set<String> selectors = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) continue;
            int bar = content.indexOf('|');
            if (bar < 0) throw new IOException("skip list line " + number + ": expected \"SELECTOR | REASON\": " + line);
            String selector = content.substring(0, bar).strip().replaceAll("\\s+", " ");
            SkipReason reason;
            try {
                reason = new SkipReason(content.substring(bar + 1));
            } catch (IllegalArgumentException e) {
                throw new IOException("skip list line " + number + ": " + e.getMessage());
            }
            if (!selectors.add(selector)) throw new IOException("skip list line " + number + ": duplicate selector " + selector);
            rules.add(rule(selector, reason, number));
        }
        return new SkipList(rules);
    }

    private static Rule rule(String selector, SkipReason reason, int number) throws IOException {
        String engine = null;
        String rest = selector;
        if (rest.startsWith("engine=")) {
            int space = rest.indexOf(' ');
            if (space < 0) throw new IOException("skip list line " + number + ": engine=NAME needs a rule after it");
            engine = rest.substring("engine=".length(), space);
            rest = rest.substring(space + 1);
        }
        if (rest.contains(" ")) throw new IOException("skip list line " + number + ": unexpected space in selector " + selector);
        var single = SINGLE_COMMAND.matcher(rest);
        if (single.matches()) {
            return new Rule(engine, single.group(1), null, Integer.parseInt(single.group(2)), null, null, reason, number);
        }
        Pattern glob = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            glob = glob(rest.substring(0, colon));
            rest = rest.substring(colon + 1);
        }
        String qualifier = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            qualifier = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!QUALIFIERS.contains(qualifier)) {
                throw new IOException("skip list line " + number + ": unknown qualifier /" + qualifier + " (expected one of " + QUALIFIERS + ")");
            }
        }
        if (rest.isEmpty()) throw new IOException("skip list line " + number + ": no command kind in selector " + selector);
        String kind = rest.equals("*") ? null : rest.toLowerCase(Locale.ROOT);
        return new Rule(engine, null, glob, 0, kind, qualifier, reason, number);
    }

    /** A script-name glob: {@code *} is any run of characters, {@code ?} one character. */
    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** Why {@code command} is skipped on any engine, asked without facts (rules that need them do not match). */
    public Optional<SkipReason> reasonFor(String scriptName, ScriptCommand command) {
        return reasonFor(null, scriptName, command, CommandFacts.NONE);
    }

    /**
     * Why {@code command} of the script named {@code scriptName} (e.g. {@code binary.wast}) is
     * skipped on the engine {@code engineName} (e.g. {@code interp}; null matches only rules for
     * every engine), or empty when it must run.
     */
    public Optional<SkipReason> reasonFor(String engineName, String scriptName, ScriptCommand command, CommandFacts facts) {
        Rule best = null;
        for (Rule rule : rules) {
            if (best != null && rule.specificity() <= best.specificity()) continue;
            if (rule.matches(engineName, scriptName, command, facts)) best = rule;
        }
        return best == null ? Optional.empty() : Optional.of(best.reason());
    }
}
