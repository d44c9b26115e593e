package dev.nebula.cli.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputRangeTest {

    @Test
    void bothEndsIncludedWithTheStep() {
        assertEquals(List.of(0L, 2L, 4L, 6L), InputRange.parse("0..6/2").values());
        assertEquals(List.of(0L, 118L, 236L, 354L, 472L, 590L, 708L), InputRange.parse("0..708/118").values());
        assertEquals(List.of(3L, 4L, 5L), InputRange.parse("3..5").values());
        assertEquals(List.of(1L, 11L), InputRange.parse("1..20/10").values(), "the end need not be on a step");
    }

    @Test
    void theThesisRangesHaveTheirSizes() {
        assertEquals(41, SweepPlan.FULL.get("fibonacci_recursive").values().size());
        assertEquals(131, SweepPlan.FULL.get("factorial").values().size());
        assertEquals(355, SweepPlan.FULL.get("exponential").values().size());
        assertEquals(600, SweepPlan.FULL.get("prime").values().size());
    }

    @Test
    void badRangesAreRefusedWithTheReason() {
        assertEquals("not a range FROM..TO or FROM..TO/STEP: '5'",
                assertThrows(IllegalArgumentException.class, () -> InputRange.parse("5")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputRange.parse("9..3"));
        assertThrows(IllegalArgumentException.class, () -> InputRange.parse("0..3/0"));
        assertThrows(IllegalArgumentException.class, () -> InputRange.parse("-1..3"));
        assertThrows(IllegalArgumentException.class, () -> InputRange.parse("0..99999999999999999999"));
    }
}
