package dev.nebula.conformance.skip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Skipped tests counted per reason, and the lines both harnesses' reports print for them, so a
 * skip can never pass unseen: a run with none says so.
 */
public final class SkipCounts {

    private final Map<SkipReason, Integer> byReason = new TreeMap<>();

    public synchronized void add(SkipReason reason) {
        byReason.merge(reason, 1, Integer::sum);
    }

    public synchronized void addAll(SkipCounts other) {
        other.byReason().forEach((reason, n) -> byReason.merge(reason, n, Integer::sum));
    }

    /** All skips. */
    public synchronized int total() {
        return byReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Skips per reason, by key. */
    public synchronized Map<SkipReason, Integer> byReason() {
        return Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    /**
     * The report's block: {@code skipped, by reason: none}, or that heading and a line per
     * reason, {@code   12  simd-aot: the AOT engine does not compile SIMD yet}.
     */
    public synchronized List<String> reportLines() {
        List<String> lines = new ArrayList<>();
        if (byReason.isEmpty()) {
            lines.add("skipped, by reason: none");
            return lines;
        }
        lines.add("skipped, by reason:");
        int width = byReason.values().stream().mapToInt(n -> Integer.toString(n).length()).max().orElse(1);
        byReason.forEach((reason, n) -> lines.add(String.format(Locale.ROOT, "  %" + width + "d  %s", n, reason)));
        return lines;
    }

    /** The counts as tests pin them: {@code none}, or {@code 12 simd-aot, 3 wast2json} by key. */
    public synchronized String pinText() {
        if (byReason.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, n) -> parts.add(n + " " + reason.key()));
        return String.join(", ", parts);
    }
}
