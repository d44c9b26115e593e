package dev.nebula.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sightglass programs vs-peers.sh leaves out, of which runtimes, and why: data, printed
 * under the ratio table, so that nothing is skipped silently. {@code PeerSkipsTest} checks that
 * every module of the snapshot is measured or named here. Times quoted are single runs measured
 * with {@link SightglassTimes} on this machine (2 cores, loaded), 2026-11-29.
 */
public final class PeerSkips {

    private PeerSkips() {
    }

    /** Programs that vs-peers.sh never measures, with the reason. */
    public static final Map<String, String> NOT_MEASURED = ordered(
            "blake3-simd", "SIMD (issue 7 item 5 asks for programs without SIMD; Chicory 1.7.5 has no SIMD)",
            "intgemm-simd", "SIMD",
            "meshoptimizer", "SIMD",
            "libsodium", "79 small test programs of a library (many with SIMD), not one benchmark program",
            "noop", "does nothing (sightglass's harness check)",
            "hashset", "prints its own elapsed time, so its output cannot be checked",
            "sqlite3", "prints its own timings, so its output cannot be checked; one run takes over a minute on the AOT engine");

    /** Programs only the long version measures (the short run must fit in about 20 minutes), with the reason. */
    public static final Map<String, String> LONG_VERSION = ordered(
            "blake3-scalar", "short run's budget (the scalar twin of a SIMD program)",
            "blind-sig", "one run takes 5-10 s on Chicory's compiler",
            "gcc-loops", "one run takes more than 30 s on the JVM runtimes",
            "rust-html-rewriter", "short run's budget",
            "tinygo-json", "one run takes several seconds on the JVM runtimes",
            "shootout-ackermann", "short run's budget",
            "shootout-base64", "one run takes 5-7 s on the JVM runtimes",
            "shootout-ctype", "one run takes 1-4 s on the compilers, 70 s on Nebula's interpreter",
            "shootout-ed25519", "one run takes more than 30 s on every runtime",
            "shootout-fib2", "one run takes 7-10 s on every runtime",
            "shootout-heapsort", "one run takes 9-17 s on every runtime",
            "shootout-matrix", "one run takes 25 s on Chicory's compiler",
            "shootout-memmove", "short run's budget",
            "shootout-minicsv", "one run takes 8-10 s on every runtime",
            "shootout-nestedloop", "one run takes about a millisecond (the loops fold away)",
            "shootout-random", "short run's budget",
            "shootout-seqhash", "one run takes more than 30 s on the JVM runtimes",
            "shootout-sieve", "one run takes 3-12 s on every runtime",
            "shootout-xblabla20", "short run's budget",
            "shootout-xchacha20", "short run's budget");

    /** Why Nebula's interpreter runs only the programs of {@link SightglassOnInterpretersBenchmark}. */
    public static final String INTERPRETER_SUBSET = "Nebula's interpreter runs only the programs of"
            + " SightglassOnInterpretersBenchmark: one run of the others takes 10-70 s on it, too long for the short run";

    /** Why Chicory's interpreter runs no sightglass program in the short run. */
    public static final String CHICORY_INTERPRETER = "Chicory's interpreter runs the C workloads only: one run of"
            + " the shortest sightglass programs takes 8-35 s on it (shootout-gimli 7.6 s, richards 35 s)";

    /** Every program the long version measures: the short set and {@link #LONG_VERSION}. */
    public static String longVersionPrograms() {
        List<String> all = new ArrayList<>(shortSet());
        all.addAll(LONG_VERSION.keySet());
        return String.join(",", all);
    }

    /** The programs of {@link SightglassVsPeersBenchmark}'s default parameter. */
    public static List<String> shortSet() {
        try {
            return List.of(SightglassVsPeersBenchmark.class.getField("program")
                    .getAnnotation(org.openjdk.jmh.annotations.Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines vs-peers.sh prints under its table. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Sightglass programs measured by no runtime (" + NOT_MEASURED.size() + "):");
        NOT_MEASURED.forEach((program, reason) -> lines.add("- " + program + ": " + reason));
        lines.add("Sightglass programs only the long version measures (" + LONG_VERSION.size() + "):");
        LONG_VERSION.forEach((program, reason) -> lines.add("- " + program + ": " + reason));
        lines.add("- " + INTERPRETER_SUBSET + ".");
        lines.add("- " + CHICORY_INTERPRETER + ".");
        return lines;
    }

    /** Prints {@link #describe()}; with {@code --long}, the long version's program list instead. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--long")) {
            System.out.println(longVersionPrograms());
            return;
        }
        describe().forEach(System.out::println);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }
}
