package dev.nebula.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vs-peers.sh's table from JMH's CSV: ratios to the AOT engine, geometric means, goals, missing rows. */
class PeersTableTest {

    private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
            + "\"Param: program\",\"Param: runtime\",\"Param: workload\"";

    private static String row(String benchmark, String program, String runtime, String workload, String score) {
        return "\"dev.nebula.bench." + benchmark + ".run\",\"avgt\",1,3," + score + ",0.5,\"ms/op\"," + program + "," + runtime + "," + workload;
    }

    @Test
    void ratiosAreToTheAotEngineWithGeometricMeansAndGoals() {
        List<String> csv = List.of(HEADER,
                row("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "2.0"),
                row("InterpreterVsChicoryBenchmark", "", "wasmtime", "fib", "1.0"),
                row("InterpreterVsChicoryBenchmark", "", "chicory-compiler", "fib", "1.0"),
                row("SightglassVsPeersBenchmark", "bz2", "nebula-aot", "", "8.0"),
                row("SightglassVsPeersBenchmark", "bz2", "wasmtime", "", "4.0"),
                row("SightglassVsPeersBenchmark", "bz2", "chicory-compiler", "", "16.0"),
                row("SightglassOnInterpretersBenchmark", "bz2", "nebula", "", "80.0"));
        String table = PeersTable.table(PeersTable.rows(csv));
        assertTrue(table.contains("| C | fib | — | 2.000 | — | 1.000 | 1.000 | — | — | 0.50 | 0.50 |"), table);
        assertTrue(table.contains("| sightglass | bz2 | 80.000 | 8.000 | — | 16.000 | 4.000 | 10.00 | — | 2.00 | 0.50 |"), table);
        // wasmtime / AOT is 0.5 on both rows: AOT / wasmtime = 2.0 > 1.5.
        assertTrue(table.contains("| geometric mean (rows) | all | | | | | | 10.00 (1) | — | 1.00 (2) | 0.50 (2) |"), table);
        assertTrue(table.contains("| geometric mean (rows) | C | | | | | | — | — | 0.50 (1) | 0.50 (1) |"), table);
        assertTrue(table.contains("| geometric mean (rows) | sightglass | | | | | | 10.00 (1) | — | 2.00 (1) | 0.50 (1) |"), table);
        assertTrue(table.contains("AOT / wasmtime over 2 rows): 2.00, NOT met"), table);
        assertTrue(table.contains("the AOT engine is slower on 1: C/fib (2.00x)"), table);
    }

    @Test
    void aCsvOfAnotherBenchmarkIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PeersTable.rows(List.of("\"Benchmark\",\"Score\",\"Unit\",\"Param: module\"")));
    }

    @Test
    void quotedFieldsKeepTheirCommas() {
        assertEquals(List.of("a,b", "c", ""), ChicoryRatios.fields("\"a,b\",c,"));
    }
}
