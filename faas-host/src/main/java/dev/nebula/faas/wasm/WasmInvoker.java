package dev.nebula.faas.wasm;

import dev.nebula.faas.FileGrant;
import dev.nebula.faas.FunctionLimits;
import dev.nebula.faas.FunctionSpec;
import dev.nebula.faas.Invocation;
import dev.nebula.faas.InvocationResult;
import dev.nebula.faas.Invoker;
import dev.nebula.faas.Outcome;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.wasi.Stdio;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasm.ResourceLimitException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import dev.nebula.wasm.WasiExitException;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Runs a deployed Wasm function, one fresh instance per call: its own {@link Store} (limits,
 * deadline), its own WASI context (argv = [name], empty environment, stdin from the request
 * body, stdout and stderr into capped buffers, and no directory but the function's own folder
 * when its deploy granted it). Nothing of one call is visible to the
 * next; what is shared (the compiled code, the pre-linked imports) is immutable.
 */
final class WasmInvoker implements Invoker {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FunctionSpec spec;
    private final Engine engine;
    private final WasiBinding binding;
    private final FunctionLimits limits;

    WasmInvoker(FunctionSpec spec, Engine engine, WasiBinding binding) {
        this.spec = spec;
        this.engine = engine;
        this.binding = binding;
        this.limits = spec.limits();
    }

    @Override
    @SuppressWarnings("try") // the binding is held for its scope, not used by name
    public InvocationResult invoke(Invocation call) {
        long cpuStart = cpuNanos();
        Store store = GuestStores.create(engine, limits);
        store.setDeadline(Duration.ofMillis(limits.timeoutMs()));
        call.cancel().onCancel(store::interrupt);
        Runnable stop = store::interrupt;
        CappedOutput stdout = new CappedOutput("stdout", limits.maxOutputBytes(), stop);
        CappedOutput stderr = new CappedOutput("stderr", limits.maxOutputBytes(), stop);
        WasiConfig.Builder config = WasiConfig.builder()
                .args(spec.name())
                .stdin(new ByteArrayInputStream(call.stdin()))
                .stdout(Stdio.of(stdout))
                .stderr(Stdio.of(stderr));
        if (spec.files() != FileGrant.NONE) {
            config.preopen(spec.filesFolder(), FileGrant.GUEST_PATH, spec.files() == FileGrant.READ_ONLY);
        }
        long startNanos = 0;
        int exitCode = InvocationResult.NO_EXIT_CODE;
        Outcome outcome;
        String message = "";
        try (Wasi wasi = new Wasi(config.build()); WasiBinding.Bound bound = binding.bind(wasi)) {
            try {
                Instance instance = binding.instancePre().instantiate(store);
                startNanos = System.nanoTime();
                exitCode = wasi.run(instance);
            } catch (WasiExitException exitDuringStartFunction) {
                exitCode = exitDuringStartFunction.exitCode();
            }
            outcome = exitCode == 0 ? Outcome.OK : Outcome.EXIT;
            if (exitCode != 0) message = "the function exited with code " + exitCode;
        } catch (TrapException trap) {
            outcome = Outcome.TRAP;
            message = "trap: " + trap.getMessage();
            if (trap.kind() == TrapKind.INTERRUPTED) {
                outcome = Outcome.TIMEOUT;
                message = "the function ran past its timeout of " + limits.timeoutMs() + " ms and was stopped";
            }
        } catch (ResourceLimitException e) {
            outcome = Outcome.MEMORY_LIMIT;
            message = "instantiation needs more than the function's limits allow: " + e.getMessage();
        } catch (UnsupportedFeatureException e) {
            outcome = Outcome.UNSUPPORTED;
            message = "unsupported: " + e.getMessage();
        } catch (StackOverflowError e) {
            outcome = Outcome.TRAP;
            message = "trap: " + TrapKind.CALL_STACK_EXHAUSTED.message() + " (the host thread's stack overflowed)";
        } finally {
            // The deadline's timer holds the store until it fires: let go of it now.
            store.clearDeadline();
        }
        long endNanos = System.nanoTime();
        if (startNanos == 0) startNanos = endNanos;
        // A stopped flood traps as "interrupted" or fails its writes; either way the cap is why.
        CappedOutput flooded = stdout.exceeded() ? stdout : stderr.exceeded() ? stderr : null;
        if (flooded != null) {
            outcome = Outcome.OUTPUT_LIMIT;
            message = "the function wrote more than max_output_bytes=" + flooded.cap() + " to " + flooded.name() + " and was stopped";
            exitCode = InvocationResult.NO_EXIT_CODE;
        } else if (outcome != Outcome.OK && outcome != Outcome.TIMEOUT && store.limitReached()) {
            outcome = Outcome.MEMORY_LIMIT;
            message = "the function reached max_memory_pages=" + limits.maxMemoryPages()
                    + " (memory.grow failed) and then failed: " + message;
        }
        if (call.cancel().cancelled() && outcome == Outcome.TIMEOUT) {
            message = "the function ran past its timeout of " + limits.timeoutMs() + " ms and was stopped by the host";
        }
        return new InvocationResult(outcome, exitCode, stdout.toByteArray(), stderr.toByteArray(), message,
                (startNanos - call.receivedNanos()) / 1000,
                (endNanos - startNanos) / 1000,
                (endNanos - call.receivedNanos()) / 1000,
                (cpuNanos() - cpuStart) / 1000);
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
