package dev.nebula.faas;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The host's Prometheus metrics, in a registry of its own (not the global default, so that two
 * hosts in one JVM, as in the tests, keep separate counts), written by the official client's
 * text-format writer.
 */
public final class HostMetrics {

    /** Latency buckets in seconds: 100 µs to 30 s, dense where a small function lands. */
    private static final double[] LATENCY_BUCKETS = {
            0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Counter invocations = Counter.builder()
            .name("nebula_invocations_total")
            .help("Function invocations by function and outcome (ok, exit, trap, timeout, memory_limit, output_limit, ...)")
            .labelNames("function", "outcome")
            .register(registry);
    private final Histogram duration = Histogram.builder()
            .name("nebula_invocation_duration_seconds")
            .help("Time from a request's arrival until its function ended")
            .labelNames("function")
            .classicOnly().classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    private final Histogram startup = Histogram.builder()
            .name("nebula_invocation_startup_seconds")
            .help("Time from a request's arrival until the function's _start began (fresh instance from the pre-linked module)")
            .labelNames("function")
            .classicOnly().classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    private final Counter deploys = Counter.builder()
            .name("nebula_deploys_total")
            .help("Deploy requests by result (deployed, rejected)")
            .labelNames("result")
            .register(registry);
    private final Gauge inFlight = Gauge.builder()
            .name("nebula_invocations_in_flight")
            .help("Invocations running now")
            .register(registry);
    private final Gauge functions = Gauge.builder()
            .name("nebula_functions_deployed")
            .help("Functions deployed now")
            .register(registry);

    /** Counts one invocation; {@code ran} is false for one refused before it started (its timings are not a run's). */
    public void invocation(String function, InvocationResult result, boolean ran) {
        invocations.labelValues(function, result.outcome().kind()).inc();
        if (ran) {
            duration.labelValues(function).observe(result.totalMicros() / 1e6);
            startup.labelValues(function).observe(result.startupMicros() / 1e6);
        }
    }

    public void deploy(boolean accepted) {
        deploys.labelValues(accepted ? "deployed" : "rejected").inc();
    }

    public void started() {
        inFlight.inc();
    }

    public void finished() {
        inFlight.dec();
    }

    public void functionCount(int count) {
        functions.set(count);
    }

    public String contentType() {
        return writer.getContentType();
    }

    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
