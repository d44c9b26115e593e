package dev.nebula.conformance.skip;

/**
 * One harness's grammar for the selector of a skip-list entry: the text between the optional
 * {@code engine=NAME} and the {@code |}. The rest of a line (engine, reason, comments, duplicate
 * checks) is the same for every harness and is {@link SkipList}'s business.
 *
 * @param <S> what the selectors it makes are asked about
 */
@FunctionalInterface
public interface SelectorSyntax<S> {

    /**
     * The selector {@code text} (one word, never blank) stands for.
     *
     * @throws IllegalArgumentException with a message saying what is wrong, which the skip list
     *                                  reports with its file and line
     */
    Selector<S> parse(String text);
}
