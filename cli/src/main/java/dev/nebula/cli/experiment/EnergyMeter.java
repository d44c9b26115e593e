package dev.nebula.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The energy of one invocation, in joules, by one of two methods:
 * <ul>
 *   <li><b>RAPL</b>, where {@code /sys/class/powercap/intel-rapl:N/energy_uj} is readable: the
 *       processor packages' energy counter read before and after the invocation, less the idle
 *       baseline (watts measured over a second before the sweep) times its duration, as the
 *       thesis subtracted its power meter's idle reading. It sees the whole machine, so other
 *       work during the invocation counts too.</li>
 *   <li><b>CPU-time model</b> otherwise: CPU seconds times a marginal power per busy core. The
 *       default, 2.76 W, is the Cloud Carbon Footprint methodology's AWS averages per vCPU,
 *       3.5 W at full load less 0.74 W idle (the power a busy vCPU adds above idle). It counts
 *       only CPU, not memory, disk or the rest of the machine.</li>
 * </ul>
 */
final class EnergyMeter {

    /** Cloud Carbon Footprint, AWS average max (3.5 W) less min (0.74 W) per vCPU. */
    static final double CCF_AWS_MARGINAL_WATTS_PER_VCPU = 3.5 - 0.74;

    private static final Path POWERCAP = Path.of("/sys/class/powercap");

    private final List<Path> packages;
    private final List<Long> ranges;
    private final double wattsPerCore;
    private double idleWatts;

    private EnergyMeter(List<Path> packages, List<Long> ranges, double wattsPerCore) {
        this.packages = packages;
        this.ranges = ranges;
        this.wattsPerCore = wattsPerCore;
    }

    /** RAPL when it can be read under {@code powercap}, else the CPU-time model. */
    static EnergyMeter detect(Path powercap, double wattsPerCore) {
        List<Path> packages = new ArrayList<>();
        List<Long> ranges = new ArrayList<>();
        if (Files.isDirectory(powercap)) {
            try (Stream<Path> zones = Files.list(powercap)) {
                for (Path zone : zones.filter(z -> z.getFileName().toString().matches("intel-rapl:\\d+")).sorted().toList()) {
                    Path counter = zone.resolve("energy_uj");
                    if (!Files.isReadable(counter) || readLong(counter) < 0) continue;
                    packages.add(counter);
                    long range = readLong(zone.resolve("max_energy_range_uj"));
                    ranges.add(range > 0 ? range : Long.MAX_VALUE);
                }
            } catch (IOException e) {
                packages.clear();
            }
        }
        return new EnergyMeter(List.copyOf(packages), List.copyOf(ranges), wattsPerCore);
    }

    static EnergyMeter detect(double wattsPerCore) {
        return detect(POWERCAP, wattsPerCore);
    }

    boolean usesRapl() {
        return !packages.isEmpty();
    }

    /** The method, for the summary, the report and the README. */
    String method() {
        if (usesRapl()) {
            return String.format(Locale.ROOT, "RAPL (%d package counter%s under /sys/class/powercap), less an idle baseline of %.2f W",
                    packages.size(), packages.size() == 1 ? "" : "s", idleWatts);
        }
        return String.format(Locale.ROOT, "CPU-time model: CPU seconds x %.2f W per busy core"
                + " (RAPL not readable here; Cloud Carbon Footprint's AWS average 3.5 W max - 0.74 W min per vCPU)", wattsPerCore);
    }

    /** With RAPL, measures the idle baseline over {@code millis} before the sweep. */
    void calibrate(long millis) throws InterruptedException {
        if (!usesRapl()) return;
        long before = microJoules();
        long start = System.nanoTime();
        Thread.sleep(millis);
        long joulesMicro = delta(before, microJoules());
        idleWatts = joulesMicro / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    /** A counter reading to pass to {@link #joules}; 0 without RAPL. */
    long mark() {
        return usesRapl() ? microJoules() : 0;
    }

    double joules(long markBefore, Measurement m) {
        if (usesRapl()) {
            double measured = delta(markBefore, microJoules()) / 1e6;
            return Math.max(0, measured - idleWatts * m.totalMicros() / 1e6);
        }
        return m.cpuMicros() < 0 ? Double.NaN : m.cpuMicros() / 1e6 * wattsPerCore;
    }

    private long microJoules() {
        long sum = 0;
        for (Path counter : packages) sum += Math.max(0, readLong(counter));
        return sum;
    }

    /** The counter wraps at max_energy_range_uj; one wrap per invocation at most. */
    private long delta(long before, long after) {
        if (after >= before) return after - before;
        long range = ranges.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        return range == Long.MAX_VALUE ? 0 : after + range - before;
    }

    private static long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }
}
