package dev.nebula.cli.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyMeterTest {

    private static Measurement took(long totalMicros, long cpuMicros) {
        return new Measurement(10, totalMicros - 10, totalMicros, cpuMicros, -1, 0, "1", null);
    }

    @Test
    void withoutRaplCpuTimeTimesThePowerPerCore(@TempDir Path empty) {
        EnergyMeter meter = EnergyMeter.detect(empty, EnergyMeter.CCF_AWS_MARGINAL_WATTS_PER_VCPU);
        assertFalse(meter.usesRapl());
        assertEquals(2.76, meter.joules(meter.mark(), took(5_000_000, 1_000_000)), 1e-9, "1 CPU second at 2.76 W");
        assertTrue(Double.isNaN(meter.joules(0, took(1000, -1))), "no CPU time, no estimate");
        assertTrue(meter.method().contains("CPU-time model") && meter.method().contains("2.76 W"), meter.method());
    }

    @Test
    void raplCountersAreReadAndSummedOverPackages(@TempDir Path powercap) throws Exception {
        Path zero = zone(powercap, "intel-rapl:0", 1_000_000, 262_143_328_850L);
        Path one = zone(powercap, "intel-rapl:1", 5_000_000, 262_143_328_850L);
        zone(powercap, "intel-rapl:0:0", 77, 262_143_328_850L); // a subzone (core), inside package 0: not counted again
        EnergyMeter meter = EnergyMeter.detect(powercap, 2.76);
        assertTrue(meter.usesRapl());
        meter.calibrate(20); // counters stand still: idle baseline 0 W
        long mark = meter.mark();
        Files.writeString(zero.resolve("energy_uj"), "1500000");
        Files.writeString(one.resolve("energy_uj"), "5250000");
        assertEquals(0.75, meter.joules(mark, took(1000, 1)), 1e-9);
        assertTrue(meter.method().startsWith("RAPL (2 package counters"), meter.method());
    }

    @Test
    void aWrappedCounterCountsTheWrap(@TempDir Path powercap) throws Exception {
        Path zero = zone(powercap, "intel-rapl:0", 999_000, 1_000_000);
        EnergyMeter meter = EnergyMeter.detect(powercap, 2.76);
        long mark = meter.mark();
        Files.writeString(zero.resolve("energy_uj"), "1000");
        assertEquals(0.002, meter.joules(mark, took(1000, 1)), 1e-9);
    }

    private static Path zone(Path powercap, String name, long energy, long range) throws IOException {
        Path zone = Files.createDirectories(powercap.resolve(name));
        Files.writeString(zone.resolve("energy_uj"), Long.toString(energy));
        Files.writeString(zone.resolve("max_energy_range_uj"), Long.toString(range));
        return zone;
    }
}
