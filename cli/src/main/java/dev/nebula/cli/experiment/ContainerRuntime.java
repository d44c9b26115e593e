package dev.nebula.cli.experiment;

import dev.nebula.faas.container.ContainerDriver;
import dev.nebula.faas.container.ContainerInvocation;
import dev.nebula.faas.container.ContainerLimits;
import dev.nebula.faas.container.ContainerOutcome;
import dev.nebula.faas.container.ContainerResult;
import dev.nebula.faas.container.ContainerStartException;
import dev.nebula.faas.container.ContainerTimings;
import dev.nebula.faas.container.EngineUnavailableException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Container functions: each example's static native binary in its image
 * ({@code localhost/nebula-fn-NAME:latest}, built by examples/build.sh), one
 * {@code run --rm -i} per invocation through the container driver.
 */
final class ContainerRuntime implements FunctionRuntime {

    /** The tag examples/build.sh gives each example's image. */
    static String imageOf(String function) {
        return "localhost/nebula-fn-" + function + ":latest";
    }

    private final ContainerDriver driver;
    private final ContainerLimits limits;

    ContainerRuntime(ContainerDriver driver, Duration timeout) {
        this.driver = driver;
        this.limits = ContainerLimits.DEFAULT.withTimeout(timeout);
    }

    @Override
    public String name() {
        return "container";
    }

    @Override
    public void prepare(String function) throws SetupProblem {
        try {
            if (!driver.imageExists(imageOf(function))) {
                throw new SetupProblem("the image " + imageOf(function) + " is missing: run scripts/containers-setup.sh");
            }
        } catch (EngineUnavailableException e) {
            throw new SetupProblem(e.getMessage() + "; run scripts/containers-setup.sh, or leave container out of --runtimes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupProblem("interrupted");
        }
    }

    @Override
    public Measurement invoke(String function, String input) throws SetupProblem, InterruptedException {
        ContainerResult r;
        try {
            r = driver.run(ContainerInvocation.of(imageOf(function), input.getBytes(StandardCharsets.UTF_8), limits));
        } catch (EngineUnavailableException e) {
            throw new SetupProblem(e.getMessage());
        } catch (ContainerStartException e) {
            return new Measurement(-1, -1, -1, -1, -1, e.engineExitCode(), "", e.getMessage());
        }
        ContainerTimings t = r.timings();
        int exit = r.outcome() == ContainerOutcome.TIMED_OUT ? Measurement.TIMED_OUT : r.exitCode();
        String problem = r.succeeded() ? null
                : r.outcome() == ContainerOutcome.EXITED ? "exit " + r.exitCode() + ": " + new String(r.stderr(), StandardCharsets.UTF_8).strip()
                : r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return new Measurement(t.startupMicros().orElse(-1), t.runMicros(), t.totalMicros(), t.cpuMicros().orElse(-1),
                t.peakMemoryBytes().orElse(-1), exit, new String(r.stdout(), StandardCharsets.UTF_8).strip(), problem);
    }
}
