package dev.nebula.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** vs-peers.sh's table from JMH's JSON: medians, ratios to the AOT engine, geometric means, goals, noise. */
class PeersTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JMH trial as {@code -rf json} writes it; each inner array is one fork's iterations. */
    private static String trial(String benchmark, String program, String runtime, String workload, String rawData) {
        String param = program.isEmpty() ? "\"workload\": \"" + workload + "\"" : "\"program\": \"" + program + "\"";
        return "{\"benchmark\": \"dev.nebula.bench." + benchmark + ".run\", \"mode\": \"avgt\", \"params\": {\"runtime\": \"" + runtime + "\", "
                + param + "}, \"primaryMetric\": {\"score\": 99.0, \"scoreUnit\": \"ms/op\", \"rawData\": " + rawData + "}}";
    }

    private static JsonNode results(String... trials) throws Exception {
        return JSON.readTree("[" + String.join(",", trials) + "]");
    }

    @Test
    void ratiosAreOfMediansToTheAotEngineWithGeometricMeansAndGoals() throws Exception {
        JsonNode results = results(
                // A slow window in one fork moves JMH's mean (99.0 in every trial here) but not the median.
                trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[2.0, 2.0, 4.0], [2.0, 3.9, 2.0]]"),
                trial("InterpreterVsChicoryBenchmark", "", "wasmtime", "fib", "[[1.0, 1.0, 1.0]]"),
                trial("InterpreterVsChicoryBenchmark", "", "chicory-compiler", "fib", "[[0.9, 1.1]]"),
                trial("SightglassVsPeersBenchmark", "bz2", "nebula-aot", "", "[[8.0]]"),
                trial("SightglassVsPeersBenchmark", "bz2", "wasmtime", "", "[[4.0]]"),
                trial("SightglassVsPeersBenchmark", "bz2", "chicory-compiler", "", "[[16.0]]"),
                trial("SightglassOnInterpretersBenchmark", "bz2", "nebula", "", "[[80.0]]"));
        String table = PeersTable.table(PeersTable.rows(List.of(results)));
        assertTrue(table.contains("| C | fib | — | 2.000 | — | 1.000 | 1.000 | — | — | 0.50 | 0.50 |"), table);
        assertTrue(table.contains("| sightglass | bz2 | 80.000 | 8.000 | — | 16.000 | 4.000 | 10.00 | — | 2.00 | 0.50 |"), table);
        // wasmtime / AOT is 0.5 on both rows: AOT / wasmtime = 2.0 > 1.5.
        assertTrue(table.contains("| geometric mean (rows) | all | | | | | | 10.00 (1) | — | 1.00 (2) | 0.50 (2) |"), table);
        assertTrue(table.contains("| geometric mean (rows) | C | | | | | | — | — | 0.50 (1) | 0.50 (1) |"), table);
        assertTrue(table.contains("| geometric mean (rows) | sightglass | | | | | | 10.00 (1) | — | 2.00 (1) | 0.50 (1) |"), table);
        assertTrue(table.contains("AOT / wasmtime over 2 rows): 2.00, NOT met"), table);
        assertTrue(table.contains("the AOT engine is slower on 1: C/fib (2.00x)"), table);
        assertTrue(table.contains("the fastest; the table uses their median): C/fib on nebula-aot (2.00x over 6 iterations)\n"), table);
    }

    @Test
    void roundsPoolTheirIterations() throws Exception {
        // A slow stretch of the machine in round 1 is a minority of the pooled iterations.
        JsonNode round1 = results(trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[0.9, 1.0, 0.95]]"),
                trial("InterpreterVsChicoryBenchmark", "", "chicory-compiler", "fib", "[[0.6, 0.6, 0.6]]"));
        JsonNode round2 = results(trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[0.5, 0.5, 0.5]]"),
                trial("InterpreterVsChicoryBenchmark", "", "chicory-compiler", "fib", "[[0.6, 0.61, 0.6]]"));
        JsonNode round3 = results(trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[0.5, 0.51, 0.5]]"));
        List<PeersTable.Row> rows = PeersTable.rows(List.of(round1, round2, round3));
        assertEquals(1, rows.size());
        assertEquals(new PeersTable.Measurement(0.5, 9, 2.0), rows.get(0).measurement("nebula-aot"));
        assertEquals(0.6, rows.get(0).measurement("chicory-compiler").median());
        assertEquals(null, rows.get(0).measurement("wasmtime"));
        assertTrue(PeersTable.table(rows).contains("Goal, no row slower than Chicory's compiler: met"));
    }

    @Test
    void aMeasurementIsTheMedianOfItsIterations() {
        assertEquals(new PeersTable.Measurement(2.0, 3, 10.0), PeersTable.Measurement.of(new double[] {10.0, 2.0, 1.0}));
        assertEquals(new PeersTable.Measurement(2.5, 4, 4.0), PeersTable.Measurement.of(new double[] {1.0, 4.0, 2.0, 3.0}));
    }

    @Test
    void quietMeasurementsAreSaidToBeQuiet() throws Exception {
        String table = PeersTable.table(PeersTable.rows(List.of(results(trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[1.0, 1.2]]")))));
        assertTrue(table.endsWith("the table uses their median): none\n"), table);
    }

    @Test
    void resultsOfAnotherBenchmarkAreRefused() throws Exception {
        List<String> wrong = new ArrayList<>(List.of(
                "{\"benchmark\": \"x\", \"params\": {\"module\": \"m\"}, \"primaryMetric\": {\"scoreUnit\": \"ms/op\", \"rawData\": [[1.0]]}}",
                trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[1.0]]").replace("ms/op", "ops/s"),
                trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[]")));
        for (String trial : wrong) {
            assertThrows(IllegalArgumentException.class, () -> PeersTable.rows(List.of(results(trial))), trial);
        }
        assertThrows(IllegalArgumentException.class, () -> PeersTable.rows(List.of(JSON.readTree("{}"))));
        JsonNode twice = results(trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[1.0]]"),
                trial("InterpreterVsChicoryBenchmark", "", "nebula-aot", "fib", "[[1.0]]"));
        assertThrows(IllegalArgumentException.class, () -> PeersTable.rows(List.of(twice)));
    }
}
