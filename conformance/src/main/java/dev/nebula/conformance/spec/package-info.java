/**
 * The WebAssembly spec suite's harness, shared by {@code nebula spec} and this module's
 * {@code CoreSpecSuiteTest}, so that the two can never disagree about what passes.
 *
 * <ul>
 *   <li>{@link dev.nebula.conformance.spec.ScriptLoader} reads a {@code .wast} script in process
 *       (text module) or, as a cross-check, through wast2json ({@link dev.nebula.conformance.spec.WastConverter})
 *       into a {@link dev.nebula.conformance.spec.LoadedScript} of {@link dev.nebula.conformance.spec.ScriptCommand}s.</li>
 *   <li>{@link dev.nebula.conformance.spec.SpecRunner} runs scripts on one engine, found through
 *       {@link dev.nebula.runtime.EngineKind}; {@link dev.nebula.conformance.spec.ScriptRun} is one
 *       pass over one script, giving a {@link dev.nebula.conformance.spec.CommandResult} per command.</li>
 *   <li>{@link dev.nebula.conformance.spec.SpecSkipRules} reads the commands not run and why
 *       ({@code core-spec-skips.txt} beside these classes), in the format of
 *       {@link dev.nebula.conformance.skip.SkipList}.</li>
 *   <li>{@link dev.nebula.conformance.spec.SpecTally} and {@link dev.nebula.conformance.spec.SpecReport}
 *       count and print a run, ending with {@code N passed, N failed, N skipped}.</li>
 * </ul>
 */
package dev.nebula.conformance.spec;
