package dev.nebula.faas.container;

import dev.nebula.faas.FunctionLimits;
import dev.nebula.faas.Invocation;
import dev.nebula.faas.InvocationResult;
import dev.nebula.faas.Invoker;
import dev.nebula.faas.Outcome;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One deployed container function: each call a fresh container, timed from the request's arrival,
 * stoppable by the host's cancel, with its start stamp taken off the answer and turned into the
 * startup time. The outcomes map onto the host's as Wasm's do; an engine that is missing or down
 * is {@link Outcome#ENGINE_UNAVAILABLE} (503).
 */
final class ContainerInvoker implements Invoker {

    private final ContainerDriver driver;
    private final String image;
    private final List<String> args;
    private final Map<String, String> env;
    private final FunctionLimits limits;
    private final ContainerLimits containerLimits;

    ContainerInvoker(ContainerDriver driver, String image, List<String> args, Map<String, String> env, FunctionLimits limits) {
        this.driver = driver;
        this.image = image;
        this.args = args;
        this.env = env;
        this.limits = limits;
        int outputCap = (int) Math.min(Integer.MAX_VALUE, limits.maxOutputBytes());
        this.containerLimits = new ContainerLimits(Duration.ofMillis(limits.timeoutMs()),
                Math.max(ContainerLimits.MIN_MEMORY_BYTES, (long) limits.maxMemoryPages() * 65536), outputCap, outputCap);
    }

    @Override
    public InvocationResult invoke(Invocation call) {
        ContainerResult r;
        try {
            r = driver.run(new ContainerInvocation(image, call.stdin(), args, env, true, containerLimits),
                    call.receivedNanos(), call.cancel()::onCancel);
        } catch (EngineUnavailableException e) {
            return InvocationResult.refused(Outcome.ENGINE_UNAVAILABLE, e.getMessage(), call.receivedNanos());
        } catch (ContainerStartException e) {
            return InvocationResult.refused(Outcome.CONTAINER_START, e.getMessage(), call.receivedNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.refused(Outcome.TIMEOUT, "the function ran past its timeout of " + limits.timeoutMs()
                    + " ms and was stopped by the host", call.receivedNanos());
        }
        ContainerTimings t = r.timings();
        Outcome outcome;
        String message;
        int exitCode = r.exitCode();
        switch (r.outcome()) {
            case EXITED -> {
                outcome = r.exitCode() == 0 ? Outcome.OK : Outcome.EXIT;
                message = r.exitCode() == 0 ? "" : "the function exited with code " + r.exitCode();
            }
            case TIMED_OUT, CANCELLED -> {
                outcome = Outcome.TIMEOUT;
                message = "the function ran past its timeout of " + limits.timeoutMs() + " ms; its container was killed and removed";
                exitCode = InvocationResult.NO_EXIT_CODE;
            }
            case OUTPUT_LIMIT -> {
                outcome = Outcome.OUTPUT_LIMIT;
                message = "the function wrote more than max_output_bytes=" + limits.maxOutputBytes()
                        + " to stdout; its container was killed and removed";
                exitCode = InvocationResult.NO_EXIT_CODE;
            }
            case MEMORY_LIMIT -> {
                outcome = Outcome.MEMORY_LIMIT;
                message = "the function's container was killed at its memory limit of " + containerLimits.memoryBytes() + " bytes";
                exitCode = InvocationResult.NO_EXIT_CODE;
            }
            default -> throw new IllegalStateException("unknown container outcome " + r.outcome());
        }
        if (outcome == Outcome.EXIT && r.stderr().length > 0) {
            message += ": " + new String(r.stderr(), StandardCharsets.UTF_8).strip();
        }
        return new InvocationResult(outcome, exitCode, r.stdout(), r.stderr(), message,
                t.startupMicros().orElse(0), t.runMicros(), t.totalMicros(), t.cpuMicros().orElse(0));
    }
}
