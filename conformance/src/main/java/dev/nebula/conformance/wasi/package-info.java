/**
 * A runner for the official WASI testsuite (WebAssembly/wasi-testsuite, branch
 * {@code prod/testsuite-base}: prebuilt preview1 modules, each with a JSON file of expectations),
 * shared by the {@code nebula wasi-testsuite} command and this module's JUnit suite test
 * ({@code WasiTestsuiteTest}), so that the two can never disagree about what passes.
 *
 * <ul>
 *   <li>{@link dev.nebula.conformance.wasi.SuiteFiles} finds the tests under a path;
 *       {@link dev.nebula.conformance.wasi.SuiteCase} is one test, read from its JSON.</li>
 *   <li>{@link dev.nebula.conformance.wasi.SuiteRunner} runs one test on an engine: a fresh copy of
 *       its fixture folder ({@link dev.nebula.conformance.wasi.Fixture}), stdout and stderr
 *       captured, a time limit, then {@link dev.nebula.conformance.wasi.Expectations} compares
 *       exit code, stdout and stderr into a {@link dev.nebula.conformance.wasi.CaseResult}.</li>
 *   <li>{@link dev.nebula.conformance.wasi.WasiSkipRules} reads the data of which tests are not run
 *       and why ({@code wasi-testsuite-skips.txt} beside these classes), in the format of
 *       {@link dev.nebula.conformance.skip.SkipList}.</li>
 *   <li>{@link dev.nebula.conformance.wasi.SuiteTally} and {@link dev.nebula.conformance.wasi.SuiteReport}
 *       count and print a run, ending with {@code N passed, N failed, N skipped}.</li>
 * </ul>
 */
package dev.nebula.conformance.wasi;
