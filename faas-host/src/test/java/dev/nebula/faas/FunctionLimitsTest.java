package dev.nebula.faas;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionLimitsTest {

    @Test
    void absentParametersTakeTheDefaults() {
        assertEquals(FunctionLimits.DEFAULTS, FunctionLimits.fromParameters(Map.of(), FunctionLimits.DEFAULTS));
    }

    @Test
    void eachParameterOverridesItsOwnLimit() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("timeout_ms", "250");
        query.put("max_memory_pages", "3");
        query.put("max_output_bytes", "100");
        query.put("max_body_bytes", "10");
        query.put("max_concurrency", "2");
        assertEquals(new FunctionLimits(250, 3, 100, 10, 2), FunctionLimits.fromParameters(query, FunctionLimits.DEFAULTS));
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        assertMessage("timeout_ms must be a whole number, got \"soon\"", Map.of("timeout_ms", "soon"));
        assertMessage("timeout_ms must be within 1..600000, got 0", Map.of("timeout_ms", "0"));
        assertMessage("max_memory_pages must be within 0..32767, got 99999999999", Map.of("max_memory_pages", "99999999999"));
        assertMessage("max_concurrency must be within 1..1024, got -1", Map.of("max_concurrency", "-1"));
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> FunctionLimits.fromParameters(Map.of("timeout", "5"), FunctionLimits.DEFAULTS)).getMessage();
        assertTrue(unknown.startsWith("unknown parameter \"timeout\""), unknown);
    }

    @Test
    void jsonRoundTrips() {
        FunctionLimits limits = new FunctionLimits(7, 8, 9, 10, 11);
        assertEquals(limits, FunctionLimits.fromJson(limits.toJson(), FunctionLimits.DEFAULTS));
    }

    private static void assertMessage(String expected, Map<String, String> query) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> FunctionLimits.fromParameters(query, FunctionLimits.DEFAULTS)).getMessage());
    }
}
