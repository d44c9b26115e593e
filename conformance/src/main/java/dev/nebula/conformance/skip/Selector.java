package dev.nebula.conformance.skip;

/**
 * The part of a skip-list entry that says which tests it covers, as one harness's grammar parsed
 * it ({@link SelectorSyntax}): a spec command by script and kind, a WASI test by its id.
 *
 * @param <S> what the harness asks about: a spec command in its script, a WASI test's id
 */
public interface Selector<S> {

    /** Whether the entry covers {@code subject}. */
    boolean matches(S subject);

    /**
     * How narrow the selector is: when several entries match, the highest wins (naming an engine
     * adds one, see {@link SkipList#reasonFor}). A selector of one test should beat any pattern.
     */
    int specificity();
}
