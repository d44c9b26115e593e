package dev.nebula.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * One call of a C workload (bench/src/main/c, built to resources/wasm/NAME.wasm): the export's
 * arguments for a named case of {@code expected.properties}, and the answer gcc computed for
 * them natively (bench/build-wasm.sh).
 *
 * @param name      module and export name: fib, sieve, matmul, sha256 or quicksort
 * @param caseName  the case in expected.properties ("small", "default", "interp", …)
 * @param args      the export's i32 arguments
 * @param i64Result whether the export returns an i64 (else an i32)
 * @param expected  the native answer, as the export's type gives it (an i32 sign-extended)
 */
public record Workload(String name, String caseName, int[] args, boolean i64Result, long expected) {

    /** The workloads, in the order the results tables list them. */
    public static final String[] NAMES = {"fib", "sieve", "matmul", "sha256", "quicksort"};

    private static final Properties EXPECTED = loadExpected();

    /** The workload {@code name} with the arguments and answer of {@code caseName}. */
    public static Workload of(String name, String caseName) {
        String args = required(name + "." + caseName + ".args");
        String result = required(name + ".result");
        String expected = required(name + "." + caseName + ".expected");
        if (!result.equals("i32") && !result.equals("i64")) {
            throw new IllegalStateException(name + ".result is " + result + ", expected i32 or i64");
        }
        int[] parsed = Arrays.stream(args.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        return new Workload(name, caseName, parsed, result.equals("i64"), Long.parseLong(expected));
    }

    /** The module's bytes. */
    public byte[] moduleBytes() {
        return BenchModules.loadResource(name + ".wasm");
    }

    /** The arguments as the embedding APIs take them: i32 values in longs. */
    public long[] argsAsLongs() {
        long[] longs = new long[args.length];
        for (int i = 0; i < args.length; i++) longs[i] = args[i];
        return longs;
    }

    /**
     * The export's result read from a long the way its type says: an i32 is the low 32 bits,
     * whatever an embedding API puts in the upper ones.
     */
    public long resultOf(long raw) {
        return i64Result ? raw : (int) raw;
    }

    /** Fails, naming the runtime, unless {@code raw} is the native answer. */
    public void check(String runtime, long raw) {
        long actual = resultOf(raw);
        if (actual != expected) {
            throw new IllegalStateException(runtime + " computed " + describeCall() + " = " + actual
                    + ", but the native answer is " + expected);
        }
    }

    /** "sieve(1000000, 5)". */
    public String describeCall() {
        StringBuilder out = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) out.append(i == 0 ? "" : ", ").append(args[i]);
        return out.append(')').toString();
    }

    private static String required(String key) {
        String value = EXPECTED.getProperty(key);
        if (value == null) throw new IllegalStateException("expected.properties has no " + key);
        return value;
    }

    private static Properties loadExpected() {
        Properties properties = new Properties();
        try (InputStream in = Workload.class.getResourceAsStream("/wasm/expected.properties")) {
            if (in == null) throw new IllegalStateException("no /wasm/expected.properties on the class path");
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read expected.properties", e);
        }
        return properties;
    }
}
