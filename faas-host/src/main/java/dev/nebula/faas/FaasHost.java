package dev.nebula.faas;

import com.sun.net.httpserver.HttpServer;
import dev.nebula.faas.http.Router;
import dev.nebula.faas.store.AtomicFiles;
import dev.nebula.faas.store.FunctionRepository;
import dev.nebula.faas.container.ContainerDriver;
import dev.nebula.faas.container.ContainerEngineConfig;
import dev.nebula.faas.container.ContainerFunctionRuntime;
import dev.nebula.faas.wasm.WasmFunctionRuntime;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The function host: an HTTP server (the JDK's own) in front of the deployed functions.
 *
 * <pre>{@code
 * try (FaasHost host = FaasHost.start(HostConfig.defaults(Path.of("data")), System.err::println)) {
 *     System.out.println(host.uri());
 *     host.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>Threads: the server's dispatcher accepts connections and hands each request to a fixed pool
 * of HTTP threads, which parse, authorise and admit it; guest code runs on the
 * {@link InvocationService}'s own large-stack threads. When both pools are busy the dispatcher
 * runs the request itself, which slows accepting instead of queueing without bound.
 */
public final class FaasHost implements AutoCloseable {

    static final String HTTP_THREAD_PREFIX = "nebula-http-";

    private final HostConfig config;
    private final AccessToken token;
    private final FunctionRegistry registry;
    private final InvocationService invocations;
    private final HttpServer server;
    private final ThreadPoolExecutor httpPool;

    private FaasHost(HostConfig config, AccessToken token, FunctionRegistry registry, InvocationService invocations,
                     HttpServer server, ThreadPoolExecutor httpPool) {
        this.config = config;
        this.token = token;
        this.registry = registry;
        this.invocations = invocations;
        this.server = server;
        this.httpPool = httpPool;
    }

    /**
     * Opens the data folder (making the token on first start), loads the stored functions and
     * starts listening. Problems with single stored functions go to {@code log}; the host starts
     * without them.
     *
     * @throws IOException if the data folder or the address cannot be used, or the engine is not on the class path
     */
    public static FaasHost start(HostConfig config, Consumer<String> log) throws IOException {
        // The JDK's server writes a response's headers and body as two segments; with Nagle's
        // algorithm on, the body waits for the client's delayed ACK, 40 ms on Linux, per call.
        // The server reads this once, when its first instance is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicFiles.createFolder(config.dataFolder());
        AccessToken token = AccessToken.loadOrCreate(config.dataFolder().resolve("token"));
        Engine engine;
        try {
            engine = Engine.create(EngineConfig.defaults(config.engine()));
        } catch (IllegalStateException missingEngineJar) {
            throw new IOException(missingEngineJar.getMessage(), missingEngineJar);
        }
        HostMetrics metrics = new HostMetrics();
        // Container functions drive podman (or what NEBULA_CONTAINER_ENGINE names); the engine is
        // asked only when a container function is deployed or called.
        ContainerDriver containers = new ContainerDriver(ContainerEngineConfig.fromEnvironment());
        FunctionRegistry registry = new FunctionRegistry(Map.of("wasm", new WasmFunctionRuntime(engine),
                        "container", new ContainerFunctionRuntime(containers)),
                new FunctionRepository(config.dataFolder()), metrics, config.dataFolder().resolve("files"));
        registry.loadStored(config.defaults(), log);
        InvocationService invocations = new InvocationService(config.maxConcurrentInvocations(), config.guestStackBytes(),
                config.grace(), metrics);
        int httpThreads = Math.max(8, config.maxConcurrentInvocations() + 16);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor httpPool = new ThreadPoolExecutor(httpThreads, httpThreads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), task -> {
                    Thread thread = new Thread(task, HTTP_THREAD_PREFIX + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        httpPool.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 1024);
        } catch (IOException e) {
            invocations.close();
            httpPool.shutdownNow();
            throw new IOException("cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        server.createContext("/", new Router(registry, invocations, token, metrics, config, log));
        server.setExecutor(httpPool);
        server.start();
        return new FaasHost(config, token, registry, invocations, server, httpPool);
    }

    /** The port the host listens on (the real one when the config asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The host's base URI, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public AccessToken token() {
        return token;
    }

    public FunctionRegistry registry() {
        return registry;
    }

    public InvocationService invocations() {
        return invocations;
    }

    /** Stops accepting and answering (requests in progress are cut off), then ends every thread the host started. */
    @Override
    public void close() {
        server.stop(0);
        httpPool.shutdownNow();
        invocations.close();
        try {
            httpPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
