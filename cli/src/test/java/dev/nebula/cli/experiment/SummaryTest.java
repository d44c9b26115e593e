package dev.nebula.cli.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    private static Invocation call(String function, String runtime, long startupMicros, long totalMicros, String problem) {
        Measurement m = new Measurement(startupMicros, totalMicros - startupMicros, totalMicros, totalMicros, 65536,
                problem == null ? 0 : 1, "42", problem);
        return new Invocation(function, 1, runtime, m, totalMicros / 1e6, 0);
    }

    @Test
    void statisticsPerFunctionAndRuntimeAndTheStartupRatio() {
        List<Invocation> calls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            calls.add(call("factorial", "interp", i * 100, i * 1000, null));      // startup 0.1 .. 0.5 ms
            calls.add(call("factorial", "container", i * 100_000, i * 300_000, null)); // startup 100 .. 500 ms
            calls.add(call("prime", "interp", 200, 2000, null));
            calls.add(call("prime", "container", 200_000, 400_000, null));
        }
        calls.add(call("prime", "container", 5, 5, "exit 1: failed")); // a failure is not a sample
        Summary s = new Summary(calls);
        Summary.Row fi = s.find("factorial", "interp");
        assertEquals(5, fi.startupMs().count());
        assertEquals(0.1, fi.startupMs().min(), 1e-12);
        assertEquals(0.3, fi.startupMs().median(), 1e-12);
        assertEquals(0.5, fi.startupMs().max(), 1e-12);
        assertEquals(5, s.find("prime", "container").totalMs().count(), "the failed call is left out");
        assertEquals(10, s.find("all", "interp").totalMs().count());
        assertEquals(1000.0, s.startupRatios().get("factorial (interp)"), 1e-9);
        assertEquals(1000.0, s.startupRatios().get("prime (interp)"), 1e-9);
        assertNull(s.find("prime", "aot"));
        String table = s.markdown();
        assertTrue(table.startsWith("| function | runtime | n | startup ms: min / median / p95 / max |"), table);
        assertTrue(table.contains("| factorial | interp | 5 | 0.100 / 0.300 / 0.500 / 0.500 | 1.00 / 3.00 / 5.00 / 5.00 |"), table);
        assertTrue(table.contains("factorial (interp) 1000x"), table);
    }
}
