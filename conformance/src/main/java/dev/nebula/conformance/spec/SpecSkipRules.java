package dev.nebula.conformance.spec;

import dev.nebula.conformance.skip.Glob;
import dev.nebula.conformance.skip.Selector;
import dev.nebula.conformance.skip.SelectorSyntax;
import dev.nebula.conformance.skip.SkipList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec harness's skip list: the {@link SkipList} format, with selectors over spec commands.
 * <pre>
 * SELECTOR  = SCRIPT:LINE                        one command, e.g. binary.wast:42
 *           | [SCRIPT-GLOB:]KIND[/QUALIFIER]     e.g. assert_malformed/text, simd_*.wast:*&#47;v128
 * KIND      = a command kind as wast2json names it (assert_return), or * for every kind
 * QUALIFIER = text   a module assertion whose module is in the text format
 *           | v128   a command whose action has v128 in its type or can run a SIMD instruction
 * </pre>
 * A single command beats every pattern; otherwise each of script glob, kind and qualifier that a
 * selector names makes it more specific. The bundled list is {@value #BUNDLED}, beside this class.
 */
public final class SpecSkipRules {

    /** The bundled list's resource name, beside this class. */
    public static final String BUNDLED = "core-spec-skips.txt";

    private static final Set<String> QUALIFIERS = Set.of("text", "v128");
    private static final Pattern SINGLE_COMMAND = Pattern.compile("([^:*?]+):(\\d+)");

    /** What a selector is asked about: one command of the script named {@code script} ({@code binary.wast}). */
    public record Subject(String script, ScriptCommand command, CommandFacts facts) {
    }

    /** What a selector may ask about a command beyond its kind, worked out only when one asks. */
    public interface CommandFacts {
        /** The command's action has v128 in its type, or the code it runs can reach a SIMD instruction. */
        boolean touchesV128();

        CommandFacts NONE = () -> false;
    }

    /** The grammar above. */
    public static final SelectorSyntax<Subject> SYNTAX = SpecSkipRules::selector;

    private SpecSkipRules() {
    }

    /** The list shipped with this version of the harness. */
    public static SkipList<Subject> bundled() {
        return SkipList.bundled(SpecSkipRules.class, BUNDLED, SYNTAX);
    }

    /** The list in {@code file}. */
    public static SkipList<Subject> read(Path file) throws IOException {
        return SkipList.read(file, SYNTAX);
    }

    /** The list in {@code text}, for tests; errors call it {@code source}. */
    public static SkipList<Subject> parse(String source, String text) throws IOException {
        return SkipList.parse(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SYNTAX);
    }

    /** {@link #parse} of a text known to be well-formed. */
    static SkipList<Subject> parseUnchecked(String text) {
        try {
            return parse("(inline)", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Selector<Subject> selector(String text) {
        Matcher single = SINGLE_COMMAND.matcher(text);
        if (single.matches()) return new OneCommand(single.group(1), Integer.parseInt(single.group(2)));
        String rest = text;
        Pattern glob = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            glob = Glob.compile(rest.substring(0, colon));
            rest = rest.substring(colon + 1);
        }
        String qualifier = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            qualifier = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!QUALIFIERS.contains(qualifier)) {
                throw new IllegalArgumentException("unknown qualifier /" + qualifier + " (expected one of " + QUALIFIERS + ")");
            }
        }
        if (rest.isEmpty()) throw new IllegalArgumentException("no command kind in selector " + text);
        String kind = rest.equals("*") ? null : rest.toLowerCase(Locale.ROOT);
        return new CommandPattern(glob, kind, qualifier);
    }

    /** {@code SCRIPT:LINE}. */
    private record OneCommand(String script, int line) implements Selector<Subject> {
        @Override
        public boolean matches(Subject s) {
            return script.equals(s.script()) && s.command().line() == line;
        }

        @Override
        public int specificity() {
            return 100;
        }
    }

    /** {@code [SCRIPT-GLOB:]KIND[/QUALIFIER]}; null fields match anything. */
    private record CommandPattern(Pattern scriptGlob, String kind, String qualifier) implements Selector<Subject> {
        @Override
        public boolean matches(Subject s) {
            if (scriptGlob != null && !scriptGlob.matcher(s.script()).matches()) return false;
            if (kind != null && !kind.equals(s.command().kind())) return false;
            if (qualifier == null) return true;
            return switch (qualifier) {
                case "text" -> s.command() instanceof ScriptCommand.ModuleAssertion a && a.moduleType() == ModuleType.TEXT;
                case "v128" -> s.command() instanceof ScriptCommand.ActionAssertion && s.facts().touchesV128();
                default -> false;
            };
        }

        @Override
        public int specificity() {
            return (scriptGlob == null ? 0 : 1) + (kind == null ? 0 : 1) + (qualifier == null ? 0 : 1);
        }
    }
}
