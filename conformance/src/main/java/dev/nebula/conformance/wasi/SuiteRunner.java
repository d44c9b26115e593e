package dev.nebula.conformance.wasi;

import dev.nebula.conformance.skip.SkipList;
import dev.nebula.conformance.skip.SkipReason;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.GuestThread;
import dev.nebula.runtime.UnsupportedFeatureException;
import dev.nebula.wasi.Wasi;
import dev.nebula.wasi.WasiConfig;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.UnlinkableException;
import dev.nebula.wasm.WasmException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Runs tests of the wasi-testsuite on one engine, as the suite's specification says: argv is the
 * module's file name then the JSON's {@code args}; the environment is exactly its {@code env};
 * stdin is empty; the {@code root} folder (or each of {@code dirs}) is preopened as a fresh
 * writable copy in a scratch folder that is deleted afterwards; then the exit code and, where
 * given, stdout and stderr must match. A trap, a module that does not compile or link, and a run
 * over the time limit all fail the test.
 *
 * <p>Each test runs on a thread of its own with a large stack (so deep recursion reaches the
 * engine's call-depth limit, not the JVM's stack); tests run one after another. The
 * {@code nebula wasi-testsuite} command and {@code WasiTestsuiteTest} both use this class.
 */
public final class SuiteRunner {

    /** Generous for the interpreter; a hang (e.g. a poll that never wakes) fails instead of blocking the run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    /** 512 MiB, as {@code nebula run} gives its guest thread: address space, reserved lazily. */
    public static final long STACK_BYTES = GuestThread.DEFAULT_STACK_BYTES;

    private final Engine engine;
    private final SkipList<String> skips;
    private final Duration timeout;
    private final Path scratchParent;

    /**
     * @param scratchParent where each test's scratch folder is made; null for the system's temporary folder
     */
    public SuiteRunner(Engine engine, SkipList<String> skips, Duration timeout, Path scratchParent) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the time limit must be positive, got " + timeout);
        this.engine = engine;
        this.skips = skips;
        this.timeout = timeout;
        this.scratchParent = scratchParent;
    }

    /** A runner on {@code engine} with the bundled skip list and the default time limit. */
    public static SuiteRunner create(Engine engine) {
        return new SuiteRunner(engine, WasiSkipRules.bundled(), DEFAULT_TIMEOUT, null);
    }

    /** The engine's short name ({@code interp}, {@code aot}), which skip lines select on. */
    public String engineName() {
        return engine.config().engine().shortName();
    }

    /** Runs {@code test} unless the skip list names it. */
    public CaseResult run(SuiteCase test) {
        Optional<SkipReason> reason = skips.reasonFor(engineName(), test.id());
        return reason.isPresent() ? CaseResult.skipped(test, reason.get()) : execute(test);
    }

    /** Runs {@code test} whatever the skip list says. */
    public CaseResult execute(SuiteCase test) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path scratch;
        try {
            String prefix = "wasi-suite-" + test.name() + "-";
            scratch = scratchParent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(scratchParent, prefix);
        } catch (IOException e) {
            return CaseResult.failed(test, "cannot make a scratch folder: " + e, "", "", e);
        }
        CaseResult result;
        boolean timedOut = false;
        try {
            result = runIn(scratch, test, out, err);
        } catch (TimeoutException e) {
            timedOut = true;
            result = CaseResult.failed(test, "did not finish within " + describe(timeout), text(out), text(err), e);
        }
        try {
            Fixture.delete(scratch);
        } catch (IOException e) {
            // After a time-out the program may still be writing there; otherwise a leftover is a failure.
            if (!timedOut && !result.failed()) {
                result = CaseResult.failed(test, "cannot delete its scratch folder " + scratch + ": " + e, result.stdout(), result.stderr(), e);
            }
        }
        return result;
    }

    private CaseResult runIn(Path scratch, SuiteCase test, ByteArrayOutputStream out, ByteArrayOutputStream err) throws TimeoutException {
        WasiConfig config;
        byte[] bytes;
        try {
            config = config(test, scratch, out, err);
            bytes = Files.readAllBytes(test.wasm());
        } catch (IOException | RuntimeException e) {
            return CaseResult.failed(test, "cannot set up: " + e, "", "", e);
        }
        int exit;
        try {
            exit = GuestThread.callOnce("wasi-test-" + test.name(), STACK_BYTES, timeout, () -> Wasi.run(engine, bytes, config));
        } catch (TimeoutException e) {
            throw e;
        } catch (WasmException e) {
            // A Rust test's failed assertion panics into a trap; its message is on stderr.
            return CaseResult.failed(test, describe(e), text(out), text(err), e);
        } catch (UnsupportedFeatureException e) {
            // An engine's documented gap (the interpreter does not execute SIMD), not a crash.
            return CaseResult.failed(test, "unsupported: " + e.getMessage(), text(out), text(err), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CaseResult.failed(test, "interrupted", text(out), text(err), e);
        } catch (Exception | Error e) {
            return CaseResult.failed(test, "error: " + e, text(out), text(err), e);
        }
        String stdout = text(out);
        String stderr = text(err);
        List<Mismatch> mismatches = Expectations.check(test, exit, stdout, stderr);
        return mismatches.isEmpty() ? CaseResult.passed(test, stdout, stderr) : CaseResult.mismatched(test, mismatches, stdout, stderr);
    }

    /** The WASI set-up the suite's specification asks for, with fixtures copied into {@code scratch}. */
    private static WasiConfig config(SuiteCase test, Path scratch, ByteArrayOutputStream out, ByteArrayOutputStream err) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(test.wasm().getFileName().toString());
        argv.addAll(test.args());
        WasiConfig.Builder config = WasiConfig.builder().args(argv).env(test.env()).stdout(out).stderr(err);
        Path dir = test.wasm().toAbsolutePath().getParent();
        if (test.root() != null) {
            Path copy = scratch.resolve("root");
            Fixture.copyTree(dir.resolve(test.root()), copy);
            config.preopen(copy, "/");
        }
        for (String d : test.dirs()) {
            Path copy = scratch.resolve("dirs").resolve(d);
            Fixture.copyTree(dir.resolve(d), copy);
            config.preopen(copy, d);
        }
        return config.build();
    }

    private static String describe(WasmException e) {
        if (e instanceof TrapException) return "trap: " + e.getMessage();
        if (e instanceof MalformedModuleException) return "malformed: " + e.getMessage();
        if (e instanceof InvalidModuleException) return "invalid: " + e.getMessage();
        if (e instanceof UnlinkableException) return "unlinkable: " + e.getMessage();
        return e.getMessage();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /** {@code 3 min}, {@code 90 s} or {@code 250 ms}. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + " min";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return ms + " ms";
    }
}
