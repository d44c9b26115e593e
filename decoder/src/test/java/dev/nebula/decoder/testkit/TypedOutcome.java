package dev.nebula.decoder.testkit;

import dev.nebula.decoder.ModuleDecoder;
import dev.nebula.wasm.MalformedModuleException;
import dev.nebula.wasm.WasmException;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a pipeline (decode, or decode then validate) on untrusted bytes and asserts the only
 * acceptable outcomes: a result, or one of the allowed typed exceptions, within a time limit.
 * Anything else (an IndexOutOfBoundsException, a StackOverflowError, an OutOfMemoryError, a hang)
 * fails with the input in hex so that it can be replayed.
 *
 * <p>The work runs on a separate daemon thread with the default stack size, as an embedder's
 * thread would have; a hung thread cannot be stopped, but being a daemon it cannot keep the test
 * JVM alive either.
 */
public final class TypedOutcome {

    /**
     * The slowest legitimate inputs (16 MiB files) take well under two seconds on the two-core
     * build machine, even while other builds share it; ten seconds leaves room for a busy machine
     * while a real hang still fails quickly.
     */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "typed-outcome");
        t.setDaemon(true);
        return t;
    });

    private TypedOutcome() {
    }

    /** What came out: a result, or a typed exception. */
    public record Outcome(Object result, WasmException error) {
        public boolean succeeded() {
            return error == null;
        }
    }

    /** Decoding alone may only produce a module or a {@link MalformedModuleException}. */
    public static Outcome ofDecoding(byte[] input) {
        return of(input, ModuleDecoder::decode, List.of(MalformedModuleException.class));
    }

    /** Runs {@code pipeline} on {@code input}, allowing only the listed exception types. */
    public static Outcome of(byte[] input, Function<byte[], ?> pipeline, List<Class<? extends WasmException>> allowed) {
        return of(input, pipeline, allowed, LIMIT);
    }

    /** As above with another time limit; the kit's own tests use a short one. */
    static Outcome of(byte[] input, Function<byte[], ?> pipeline, List<Class<? extends WasmException>> allowed, Duration limit) {
        Future<?> future = WORKERS.submit(() -> pipeline.apply(input));
        try {
            return new Outcome(future.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionFailedError("no outcome within " + limit.toMillis() + " ms for input " + describe(input));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Class<? extends WasmException> type : allowed) {
                if (type.isInstance(cause)) return new Outcome(null, type.cast(cause));
            }
            throw new AssertionFailedError("expected a result or one of " + allowed.stream().map(Class::getSimpleName).toList()
                    + " but got " + cause + " for input " + describe(input), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for the outcome", e);
        }
    }

    private static String describe(byte[] input) {
        return "(" + input.length + " bytes): " + Hex.abbreviated(input);
    }
}
