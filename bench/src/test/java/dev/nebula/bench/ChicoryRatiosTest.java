package dev.nebula.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChicoryRatiosTest {

    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\","
            + "\"Unit\",\"Param: runtime\",\"Param: workload\"";
    private static final String RUN = "\"dev.nebula.bench.InterpreterVsChicoryBenchmark.run\",\"avgt\",1,5,";

    @Test
    void ratiosAndTheirGeometricMeanComeFromOneCsv() {
        String table = ChicoryRatios.table(List.of(HEADER,
                RUN + "10.0,1.0,\"ms/op\",nebula,fib",
                RUN + "4.0,0.5,\"ms/op\",nebula,sieve",
                RUN + "100.0,10.0,\"ms/op\",chicory,fib",
                RUN + "10.0,1.0,\"ms/op\",chicory,sieve"));
        List<String> rows = table.lines().toList();
        assertEquals(5, rows.size(), table);
        assertEquals("| fib | 10.0 ± 1.00 | 100 ± 10.0 | **10.0x** | 8.2–12.2 |", rows.get(2));
        assertEquals("| sieve | 4.00 ± 0.50 | 10.0 ± 1.00 | **2.5x** | 2.0–3.1 |", rows.get(3));
        // sqrt(10 * 2.5) = 5; sqrt(10 * 4) and sqrt(100 * 10) are the suite's mean times.
        assertTrue(rows.get(4).startsWith("| **geometric mean** (2 workloads) | 6.32 | 31.6 | **5.0x** |"), rows.get(4));
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        assertEquals(List.of("a,b", "c\"d", "", "e"), ChicoryRatios.fields("\"a,b\",\"c\"\"d\",,e"));
        assertEquals(List.of("a,b", "c", ""), ChicoryRatios.fields("\"a,b\",c,"));
    }
}
