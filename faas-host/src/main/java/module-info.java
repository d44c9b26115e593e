/**
 * The function host behind {@code nebula serve} ({@code dev.nebula.faas}: host, registry,
 * limits, results) and the container driver ({@code dev.nebula.faas.container}). The HTTP layer,
 * the durable store and the Wasm function kind are used only inside the host, so they are not
 * exported. Jackson writes and reads only maps and trees here, so no package is opened to it.
 */
module dev.nebula.faas {
    requires transitive dev.nebula.runtime;
    requires transitive dev.nebula.wasi;
    requires com.fasterxml.jackson.databind;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires java.management;
    requires jdk.httpserver;

    exports dev.nebula.faas;
    exports dev.nebula.faas.container;
}
