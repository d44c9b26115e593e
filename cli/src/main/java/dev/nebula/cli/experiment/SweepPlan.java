package dev.nebula.cli.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which functions run with which inputs. The thesis's ranges are the {@code --full} preset; the
 * default takes every few of them, so that a sweep on 2 cores finishes in a few minutes.
 */
final class SweepPlan {

    /** The thesis's sweep. Its prime-number range began at 0; the n-th prime starts at n = 1. */
    static final Map<String, InputRange> FULL = ordered(
            "fibonacci_recursive", new InputRange(0, 40, 1),
            "factorial", new InputRange(0, 130, 1),
            "exponential", new InputRange(0, 708, 2),
            "prime", new InputRange(1, 6000, 10));

    /** About six inputs per function, spread over the same ranges. */
    static final Map<String, InputRange> DEFAULT = ordered(
            "fibonacci_recursive", new InputRange(0, 25, 5),
            "factorial", new InputRange(0, 130, 26),
            "exponential", new InputRange(0, 708, 118),
            "prime", new InputRange(1, 6000, 1000));

    /** The functions the sweep knows, with the example that implements each. */
    static final List<String> FUNCTIONS = List.copyOf(FULL.keySet());

    private SweepPlan() {
    }

    private static Map<String, InputRange> ordered(Object... pairs) {
        Map<String, InputRange> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (InputRange) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }
}
