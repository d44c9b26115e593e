package dev.nebula.cli.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spec commands the harness does not run, with the reason for each: data, read from a text
 * file (the bundled {@code skip-list.txt} by default), never conditions buried in the runner.
 *
 * <p>Each non-comment line is {@code SELECTOR | REASON}. A selector is a command kind
 * ({@code assert_return}), a kind and module type ({@code assert_malformed/text}), or one command
 * by script and line ({@code binary.wast:42}). The most specific selector wins.
 */
public final class SkipList {

    private static final String BUNDLED = "skip-list.txt";

    private final Map<String, SkipReason> bySelector;

    private SkipList(Map<String, SkipReason> bySelector) {
        this.bySelector = Map.copyOf(bySelector);
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
        return new SkipList(Map.of());
    }

    public static SkipList parse(InputStream text) throws IOException {
        Map<String, SkipReason> entries = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) continue;
            int bar = content.indexOf('|');
            if (bar < 0) throw new IOException("skip list line " + number + ": expected \"SELECTOR | REASON\": " + line);
            String selector = content.substring(0, bar).strip();
            SkipReason reason = new SkipReason(content.substring(bar + 1));
            if (entries.put(selector, reason) != null) throw new IOException("skip list line " + number + ": duplicate selector " + selector);
        }
        return new SkipList(entries);
    }

    /**
     * Why {@code command} of the script named {@code scriptName} (e.g. {@code binary.wast}) is
     * skipped, or empty when it must run.
     */
    public Optional<SkipReason> reasonFor(String scriptName, ScriptCommand command) {
        SkipReason reason = bySelector.get(scriptName + ":" + command.line());
        if (reason == null && command instanceof ScriptCommand.ModuleAssertion assertion && assertion.moduleType() != null) {
            reason = bySelector.get(command.kind() + "/" + assertion.moduleType().jsonName());
        }
        if (reason == null) reason = bySelector.get(command.kind());
        return Optional.ofNullable(reason);
    }
}
