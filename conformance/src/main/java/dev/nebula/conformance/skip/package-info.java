/**
 * The one skip-list format of both conformance harnesses: {@link dev.nebula.conformance.skip.SkipList}
 * parses it (reasons declared once, entries naming them, errors with file and line), a
 * {@link dev.nebula.conformance.skip.SelectorSyntax} per harness says what a selector means, and
 * {@link dev.nebula.conformance.skip.SkipCounts} counts and prints skips per reason.
 */
package dev.nebula.conformance.skip;
