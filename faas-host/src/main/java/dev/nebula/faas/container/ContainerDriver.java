package dev.nebula.faas.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs container functions, one container per call, as {@code docker run --rm -i IMAGE} does:
 * the request body on stdin, the answer from stdout. It drives the engine's command line
 * ({@code podman} or {@code docker}, {@link ContainerEngineConfig}), so what it does is what a
 * user would type:
 *
 * <pre>ENGINE run --rm -i --name nebula-… --network none --memory BYTES --pull never
 *     [--cgroup-parent /nebula/nebula-…] [-e NEBULA_STAMP=1] [-e NAME=VALUE]… IMAGE [ARGS]…</pre>
 *
 * <p>Every call's container has a unique name, so that a call past its timeout, or flooding its
 * stdout, can be killed and removed by name ({@code ENGINE kill}, then {@code ENGINE rm -f})
 * even while the engine is still creating it. Safe to use from many threads at once.
 */
public final class ContainerDriver {

    /** The engine's exit code for its own errors (docker and podman agree). */
    private static final int ENGINE_ERROR = 125;
    /** 128 + SIGKILL. */
    private static final int KILLED = 137;
    /** How long the engine's command may take to end after its container was killed. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    /** How long the engine's kill, rm and info commands may take. */
    private static final Duration HOUSEKEEPING_TIMEOUT = Duration.ofSeconds(15);

    private static final AtomicLong CALLS = new AtomicLong();

    private final ContainerEngineConfig config;
    private final CgroupAccounting accounting;
    private final String namePrefix;

    public ContainerDriver(ContainerEngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.accounting = config.cgroupAccounting() ? CgroupAccounting.detect() : null;
        this.namePrefix = "nebula-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-";
    }

    public ContainerEngineConfig config() {
        return config;
    }

    /**
     * Checks that the engine answers ({@code ENGINE info}).
     *
     * @throws EngineUnavailableException when it is not installed, or does not answer in time
     */
    public void checkAvailable() throws EngineUnavailableException, InterruptedException {
        EngineCommand.requireInstalled(config.executable());
        EngineCommand.Result info = EngineCommand.run(List.of(config.executable(), "info"), config.probeTimeout());
        if (info.exitCode() != 0) {
            throw new EngineUnavailableException("the container engine '" + config.executable() + "' does not answer ('"
                    + config.executable() + " info' " + info.describe() + ")");
        }
    }

    /** Whether the engine has this image locally (a deploy checks it, since nothing is pulled). */
    public boolean imageExists(String image) throws EngineUnavailableException, InterruptedException {
        EngineCommand.Result inspect = EngineCommand.run(List.of(config.executable(), "image", "inspect", "--format", "{{.Id}}", "--", image),
                config.probeTimeout());
        if (inspect.exitCode() == 0) return true;
        checkAvailable();
        return false;
    }

    /**
     * Runs one call to its end, its timeout or its output cap, timed from now.
     *
     * @throws EngineUnavailableException the engine is not installed or does not answer
     * @throws ContainerStartException the engine works but would not start this container
     */
    public ContainerResult run(ContainerInvocation call)
            throws EngineUnavailableException, ContainerStartException, InterruptedException {
        return run(call, System.nanoTime(), stop -> { });
    }

    /**
     * Runs one call, timed from {@code receivedNanos} (the {@link System#nanoTime()} when the
     * host received the request: startup, total and the timeout count from there), and stoppable
     * from another thread: {@code onCancel} is given the action that kills and removes the
     * container, for the host to run when it must stop the call (the outcome is then
     * {@link ContainerOutcome#CANCELLED}).
     *
     * @throws EngineUnavailableException the engine is not installed or does not answer
     * @throws ContainerStartException the engine works but would not start this container
     */
    public ContainerResult run(ContainerInvocation call, long receivedNanos, Consumer<Runnable> onCancel)
            throws EngineUnavailableException, ContainerStartException, InterruptedException {
        String name = namePrefix + CALLS.incrementAndGet();
        // The epoch time of the request, for comparing with the function's stamp from the realtime clock.
        long requestMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - (System.nanoTime() - receivedNanos) / 1000;
        CgroupAccounting.Call cgroups = accounting == null ? null : accounting.open(name);
        try {
            return runNamed(call, name, receivedNanos, requestMicros, cgroups, onCancel);
        } finally {
            if (cgroups != null) cgroups.close();
        }
    }

    private ContainerResult runNamed(ContainerInvocation call, String name, long requestNanos, long requestMicros,
                                     CgroupAccounting.Call cgroups, Consumer<Runnable> onCancel)
            throws EngineUnavailableException, ContainerStartException, InterruptedException {
        EngineCommand.requireInstalled(config.executable());
        Process engine;
        try {
            // conmon drops an empty "oom" marker in its working folder when the memory limit kills
            // a container: keep it out of whatever folder the host runs in.
            engine = new ProcessBuilder(command(call, name, cgroups)).directory(SCRATCH).start();
        } catch (IOException e) {
            throw new EngineUnavailableException("the container engine '" + config.executable() + "' cannot be started: " + e.getMessage());
        }
        AtomicBoolean killedByUs = new AtomicBoolean();
        AtomicBoolean outputLimit = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        onCancel.accept(() -> {
            cancelled.set(true);
            // The host's cancel must be quick: the kill runs on a thread of its own.
            helper(name + "-cancel", () -> {
                killAndRemove(name, killedByUs);
                try {
                    if (!engine.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                        killAndRemove(name, killedByUs);
                        engine.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    engine.destroyForcibly();
                }
            }).start();
        });
        BoundedCapture stdout = new BoundedCapture(engine.getInputStream(), call.limits().maxStdoutBytes(), () -> {
            outputLimit.set(true);
            killAndRemove(name, killedByUs);
        });
        BoundedCapture stderr = new BoundedCapture(engine.getErrorStream(), call.limits().maxStderrBytes(), () -> { });
        List<Thread> helpers = List.of(
                helper(name + "-stdin", () -> feed(engine.getOutputStream(), call.stdin())),
                helper(name + "-stdout", stdout),
                helper(name + "-stderr", stderr));
        helpers.forEach(Thread::start);

        boolean timedOut = false;
        try {
            long left = call.limits().timeout().toNanos() - (System.nanoTime() - requestNanos);
            if (!engine.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                killAndRemove(name, killedByUs);
            }
            if (killedByUs.get() && !engine.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // The kill came while the engine was still making the container (podman's run then
                // waits about ten seconds for a container that is gone): kill again, and end the
                // engine's command itself; the final kill and rm below catch what it left.
                killAndRemove(name, killedByUs);
                engine.destroyForcibly();
            }
            if (!engine.waitFor(HOUSEKEEPING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                engine.destroyForcibly().waitFor(HOUSEKEEPING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                killAndRemove(name, killedByUs);
            }
        } catch (InterruptedException e) {
            killAndRemove(name, killedByUs);
            engine.destroyForcibly();
            throw e;
        }
        long endNanos = System.nanoTime();
        for (Thread helper : helpers) helper.join(HOUSEKEEPING_TIMEOUT.toMillis());
        // Whatever state a killed call left (a container made after the first kill), none is left now.
        if (killedByUs.get()) killAndRemove(name, killedByUs);

        int exit = engine.exitValue();
        byte[] out = stdout.bytes();
        byte[] err = stderr.bytes();
        Optional<StartStamp.Stamped> stamped = call.stamp() ? StartStamp.strip(out) : Optional.empty();
        if (!killedByUs.get() && exit == ENGINE_ERROR && stamped.isEmpty()) {
            checkAvailable();
            throw new ContainerStartException("the engine would not run " + call.image() + ": "
                    + new String(err, StandardCharsets.UTF_8).strip(), exit);
        }

        ContainerOutcome outcome = cancelled.get() ? ContainerOutcome.CANCELLED
                : timedOut ? ContainerOutcome.TIMED_OUT
                : outputLimit.get() ? ContainerOutcome.OUTPUT_LIMIT
                : !killedByUs.get() && exit == KILLED ? ContainerOutcome.MEMORY_LIMIT
                : ContainerOutcome.EXITED;
        long totalMicros = (endNanos - requestNanos) / 1000;
        OptionalLong startup = stamped.isPresent()
                ? OptionalLong.of(Math.max(0, stamped.get().mainStartMicros() - requestMicros))
                : OptionalLong.empty();
        ContainerTimings timings = new ContainerTimings(startup, totalMicros - startup.orElse(0), totalMicros,
                cgroups == null ? OptionalLong.empty() : cgroups.cpuMicros(),
                cgroups == null ? OptionalLong.empty() : cgroups.peakMemoryBytes());
        return new ContainerResult(outcome, exit, stamped.map(StartStamp.Stamped::answer).orElse(out), err,
                stderr.overflowed(), timings);
    }

    private static final java.io.File SCRATCH = new java.io.File(System.getProperty("java.io.tmpdir"));

    private List<String> command(ContainerInvocation call, String name, CgroupAccounting.Call cgroups) {
        List<String> command = new ArrayList<>();
        if (cgroups != null) {
            // The engine's command joins its call's CPU cgroup before it runs; a failed write only
            // loses the measure, never the call.
            command.addAll(List.of("/bin/sh", "-c", "{ echo $$ > \"$0\"; } 2>/dev/null; exec \"$@\"", cgroups.cliProcs().toString()));
        }
        command.addAll(List.of(config.executable(), "run", "--rm", "-i", "--name", name, "--network", "none",
                "--memory", Long.toString(call.limits().memoryBytes()), "--pull", "never"));
        if (cgroups != null) command.addAll(List.of("--cgroup-parent", cgroups.parent()));
        if (call.stamp()) command.addAll(List.of("-e", StartStamp.VARIABLE + "=1"));
        for (Map.Entry<String, String> variable : call.env().entrySet()) {
            command.addAll(List.of("-e", variable.getKey() + "=" + variable.getValue()));
        }
        command.add(call.image());
        command.addAll(call.args());
        return command;
    }

    /** Kills the named container and removes it; harmless when it is already gone or not yet made. */
    private void killAndRemove(String name, AtomicBoolean killedByUs) {
        killedByUs.set(true);
        try {
            EngineCommand.run(List.of(config.executable(), "kill", name), HOUSEKEEPING_TIMEOUT);
            EngineCommand.run(List.of(config.executable(), "rm", "-f", name), HOUSEKEEPING_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void feed(OutputStream stdin, byte[] body) {
        try (stdin) {
            stdin.write(body);
        } catch (IOException e) {
            // the function ended without reading all of its input: that is its business
        }
    }

    private static Thread helper(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
