package dev.nebula.conformance.skip;

/**
 * One line of a skip list: which tests (on which engine) are not run, and why.
 *
 * @param engine   the engine's short name ({@code interp}, {@code aot}), or null for every engine
 * @param selector the harness's selector, as written ({@code simd_*.wast:assert_return}, {@code rust/fd_readdir})
 * @param matcher  that selector parsed
 * @param reason   the declared reason it names
 * @param line     where it is in its file, 1-based
 */
public record SkipEntry<S>(String engine, String selector, Selector<S> matcher, SkipReason reason, int line) {

    /** Whether the entry covers {@code subject} on the engine {@code engineName} (null: only entries for every engine). */
    boolean covers(String engineName, S subject) {
        if (engine != null && !engine.equals(engineName)) return false;
        return matcher.matches(subject);
    }

    /** The selector's specificity, plus one for naming an engine. */
    int specificity() {
        return matcher.specificity() + (engine == null ? 0 : 1);
    }

    /** {@code [engine=E ]SELECTOR}: what makes two entries the same. */
    public String selectorWithEngine() {
        return (engine == null ? "" : "engine=" + engine + " ") + selector;
    }

    /** The line as written, normalised: {@code [engine=E ]SELECTOR | KEY}. */
    @Override
    public String toString() {
        return selectorWithEngine() + " | " + reason.key();
    }
}
