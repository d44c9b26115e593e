package dev.nebula.faas.container;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartStampTest {

    private static Optional<StartStamp.Stamped> strip(String output) {
        return StartStamp.strip(output.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void takesTheStampOffAndKeepsTheNewline() {
        StartStamp.Stamped s = strip("832040|1795941397188708\n").orElseThrow();
        assertEquals("832040\n", new String(s.answer(), StandardCharsets.UTF_8));
        assertEquals(1795941397188708L, s.mainStartMicros());
    }

    @Test
    void withoutAFinalNewline() {
        StartStamp.Stamped s = strip("a|b|42").orElseThrow();
        assertEquals("a|b", new String(s.answer(), StandardCharsets.UTF_8));
        assertEquals(42, s.mainStartMicros());
    }

    @Test
    void onlyTheLastLineCounts() {
        StartStamp.Stamped s = strip("line one|7\nanswer|9\n").orElseThrow();
        assertEquals("line one|7\nanswer\n", new String(s.answer(), StandardCharsets.UTF_8));
        assertEquals(9, s.mainStartMicros());
    }

    @Test
    void anythingElseIsNoStamp() {
        assertTrue(strip("832040\n").isEmpty());
        assertTrue(strip("").isEmpty());
        assertTrue(strip("|\n").isEmpty());
        assertTrue(strip("answer|12a\n").isEmpty());
        assertTrue(strip("answer|99999999999999999999\n").isEmpty(), "20 digits do not fit a long");
        assertTrue(strip("answer|1\n\n").isEmpty(), "the stamp ends the output");
    }

    @Test
    void anEmptyAnswerCanBeStamped() {
        StartStamp.Stamped s = strip("|5\n").orElseThrow();
        assertEquals("\n", new String(s.answer(), StandardCharsets.UTF_8));
    }
}
