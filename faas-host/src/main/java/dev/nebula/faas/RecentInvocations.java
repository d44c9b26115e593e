package dev.nebula.faas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@value #CAPACITY} invocations of one function (time, latency, start-up, outcome),
 * in a ring, for the web page's chart. Thread-safe.
 */
public final class RecentInvocations {

    public static final int CAPACITY = 200;

    private final long[] atMillis = new long[CAPACITY];
    private final long[] totalMicros = new long[CAPACITY];
    private final long[] startupMicros = new long[CAPACITY];
    private final Outcome[] outcomes = new Outcome[CAPACITY];
    private int next;
    private int count;

    public synchronized void add(long epochMillis, InvocationResult result) {
        atMillis[next] = epochMillis;
        totalMicros[next] = result.totalMicros();
        startupMicros[next] = result.startupMicros();
        outcomes[next] = result.outcome();
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /** Oldest first, each as {@code {at_ms, total_micros, startup_micros, outcome}}. */
    public synchronized List<Map<String, Object>> toJson() {
        List<Map<String, Object>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = (next - count + i + CAPACITY) % CAPACITY;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at_ms", atMillis[slot]);
            entry.put("total_micros", totalMicros[slot]);
            entry.put("startup_micros", startupMicros[slot]);
            entry.put("outcome", outcomes[slot].kind());
            list.add(entry);
        }
        return list;
    }
}
