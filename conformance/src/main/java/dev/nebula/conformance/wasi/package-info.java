/**
 * A runner for the official WASI testsuite (WebAssembly/wasi-testsuite, branch
 * {@code prod/testsuite-base}: prebuilt preview1 modules, each with a JSON file of expectations),
 * shared by the {@code nebula wasi-testsuite} command and the wasi module's JUnit tests, so that
 * the two can never disagree about what passes.
 *
 * <ul>
 *   <li>{@link dev.nebula.wasi.testsuite.SuiteFiles} finds the tests under a path;
 *       {@link dev.nebula.wasi.testsuite.SuiteCase} is one test, read from its JSON.</li>
 *   <li>{@link dev.nebula.wasi.testsuite.SuiteRunner} runs one test on an engine: a fresh copy of
 *       its fixture folder ({@link dev.nebula.wasi.testsuite.Fixture}), stdout and stderr
 *       captured, a time limit, then {@link dev.nebula.wasi.testsuite.Expectations} compares
 *       exit code, stdout and stderr into a {@link dev.nebula.wasi.testsuite.CaseResult}.</li>
 *   <li>{@link dev.nebula.wasi.testsuite.SkipList} is the data of which tests are not run and why
 *       ({@code skip-list.txt} beside these classes).</li>
 *   <li>{@link dev.nebula.wasi.testsuite.SuiteTally} and {@link dev.nebula.wasi.testsuite.SuiteReport}
 *       count and print a run, ending with {@code N passed, N failed, N skipped}.</li>
 * </ul>
 */
package dev.nebula.wasi.testsuite;
