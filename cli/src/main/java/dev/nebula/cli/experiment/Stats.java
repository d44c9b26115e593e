package dev.nebula.cli.experiment;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample: nearest-rank percentiles, as benchmark tables usually give them. */
record Stats(int count, double min, double median, double p95, double max) {

    static Stats of(List<Double> sample) {
        if (sample.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least p% of the sample at or below it. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
