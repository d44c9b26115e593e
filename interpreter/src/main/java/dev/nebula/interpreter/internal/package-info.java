/**
 * The interpreter's internals. No other module imports this package.
 *
 * <h2>Why register-style code</h2>
 * ARCHITECTURE.md suggests a pre-decoded stack code with a branch side table. This engine goes one
 * step further, as wasm3 and WAMR's fast interpreter do: validation already proved the operand
 * stack height at every instruction, so every operand has a fixed slot in its frame, and each
 * translated instruction names the slots it reads and writes ({@code i32.add d a b}). There is no
 * stack pointer at run time. {@code local.get}, constants and {@code drop} mostly disappear (an
 * instruction reads the local or an inline constant directly), a result computed for
 * {@code local.set} is written straight into the local, comparisons fuse with the branch that
 * consumes them, and a branch is a jump plus, only when the label's values are not already in
 * place, a few copies. Constants become immediates, and a few frequent pairs (address add and
 * load, two adds, two copies) become one instruction. The inner loop of the sieve workload, 14
 * Wasm instructions, runs as 4 dispatches.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.nebula.interpreter.internal.Translator} — one pass over a body with a
 *     {@link dev.nebula.interpreter.internal.VirtualStack} of operand positions and a stack of
 *     {@link dev.nebula.interpreter.internal.ControlFrame}s; forward branches are patched at
 *     {@code end}. {@link dev.nebula.interpreter.internal.Fusion} holds the rewrite rules.</li>
 * <li>{@link dev.nebula.interpreter.internal.Op} — the instruction set and its operand layouts.</li>
 * <li>{@link dev.nebula.interpreter.internal.Interpreter} — a hot loop with no calls in it (so
 *     that C2 keeps pc, fp, stack and code in registers) and a driver for calls, returns and the
 *     instructions that call out; rare instructions run in
 *     {@link dev.nebula.interpreter.internal.RareOps} and
 *     {@link dev.nebula.interpreter.internal.NumericOps}, the operators with subtle rules in
 *     {@link dev.nebula.interpreter.internal.Numerics}.</li>
 * <li>{@link dev.nebula.interpreter.internal.Machine} — the per-thread value and frame stacks;
 *     {@link dev.nebula.interpreter.internal.Calls} — call_indirect and calls out;
 *     {@link dev.nebula.interpreter.internal.Traps} — trap factories and the Wasm stack.</li>
 * </ul>
 *
 * <h2>SIMD</h2>
 * A v128 takes two consecutive slots, low half first, in locals ({@link dev.nebula.interpreter.internal.LocalSlots})
 * and on the operand stack ({@link dev.nebula.interpreter.internal.VirtualStack} counts slots and
 * marks upper halves), so parameter, result and label counts are in slots and every generic move
 * handles v128 halves unchanged. {@link dev.nebula.interpreter.internal.SimdTranslator} translates
 * the vector instructions into the layouts of {@link dev.nebula.interpreter.internal.SimdShape};
 * the driver hands a run of them (with the copies and constants between them) to
 * {@link dev.nebula.interpreter.internal.SimdInterpreter}, whose operators come from the shared
 * library {@code dev.nebula.runtime.ops.simd} via {@link dev.nebula.interpreter.internal.SimdOps}.
 *
 * <h2>Calls, depth and stack traces</h2>
 * A call to an interpreted function (of any instance) saves the return pc, frame pointer and
 * calling function on the thread's frame stack and switches code, instance context and memory in
 * the loop: the callee's parameters are the caller's argument slots, so nothing is copied. The
 * call depth is that frame count plus the store's count of frames outside the loop, checked
 * against {@code EngineConfig.maxCallDepth()}; it never depends on the JVM thread stack. Calls out
 * (host functions, other engines) go through {@code WasmFunction.invoke} after publishing the
 * loop's frames to the store and its stack top to the {@code Machine}, so a host function may call
 * back into Wasm; only such round trips use the JVM stack, and a {@link StackOverflowError} there
 * becomes a "call stack exhausted" trap in the innermost driver. A trap leaving the loop gets the
 * loop's frames appended to the Wasm stack it carries, innermost first.
 */
package dev.nebula.interpreter.internal;
