package dev.nebula.cli.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    @Test
    void nearestRankOnOneToHundred() {
        List<Double> sample = new ArrayList<>();
        for (int i = 100; i >= 1; i--) sample.add((double) i);
        Collections.shuffle(sample, new java.util.Random(7));
        Stats s = Stats.of(sample);
        assertEquals(100, s.count());
        assertEquals(1, s.min());
        assertEquals(50, s.median());
        assertEquals(95, s.p95());
        assertEquals(100, s.max());
    }

    @Test
    void oneValueIsEveryStatistic() {
        Stats s = Stats.of(List.of(4.5));
        assertEquals(4.5, s.min());
        assertEquals(4.5, s.median());
        assertEquals(4.5, s.p95());
        assertEquals(4.5, s.max());
    }

    @Test
    void anEmptySampleIsNotANumber() {
        Stats s = Stats.of(List.of());
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.median()));
    }
}
