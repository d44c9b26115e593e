package dev.nebula.faas;

import dev.nebula.faas.store.AtomicFiles;
import dev.nebula.faas.store.FunctionRepository;
import dev.nebula.faas.store.StoredFunction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The deployed functions, in memory and on disk. A deploy prepares the artifact first (the slow,
 * fallible part), then stores it durably, and only then makes it visible, so a function that
 * callers can see is always one that survives a restart.
 */
public final class FunctionRegistry {

    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, FunctionRuntime> runtimes;
    private final FunctionRepository repository;
    private final HostMetrics metrics;
    private final Path filesRoot;

    /** {@code filesRoot} holds each function's granted folder, {@code filesRoot/NAME}. */
    public FunctionRegistry(Map<String, FunctionRuntime> runtimes, FunctionRepository repository, HostMetrics metrics, Path filesRoot) {
        this.filesRoot = filesRoot;
        this.runtimes = Map.copyOf(runtimes);
        this.repository = repository;
        this.metrics = metrics;
    }

    /** Loads every stored function; one that no longer prepares is reported to {@code problems} and left out. */
    public void loadStored(FunctionLimits defaults, Consumer<String> problems) throws IOException {
        for (StoredFunction stored : repository.loadAll(defaults, problems)) {
            FunctionRuntime runtime = runtimes.get(stored.runtime());
            if (runtime == null) {
                problems.accept(stored.name() + ": not loaded: unknown runtime \"" + stored.runtime() + "\"");
                continue;
            }
            try {
                FunctionSpec spec = spec(stored.name(), stored.limits(), stored.files());
                functions.put(stored.name(), new DeployedFunction(stored, runtime.prepare(spec, stored.artifact())));
            } catch (DeployException | IOException e) {
                problems.accept(stored.name() + ": not loaded: " + e.getMessage());
            }
        }
        metrics.functionCount(functions.size());
    }

    /**
     * Prepares, stores and publishes a function, replacing one of the same name.
     *
     * @throws DeployException if the runtime refuses the artifact
     * @throws IOException     if it cannot be stored (then nothing changed)
     */
    public DeployedFunction deploy(String name, String runtimeKind, byte[] artifact, FunctionLimits limits, FileGrant files)
            throws IOException {
        FunctionName.check(name);
        FunctionRuntime runtime = runtimes.get(runtimeKind);
        if (runtime == null) throw new DeployException("unknown runtime \"" + runtimeKind + "\"");
        Invoker invoker = runtime.prepare(spec(name, limits, files), artifact);
        StoredFunction stored = new StoredFunction(name, runtimeKind, FunctionRepository.sha256(artifact), artifact.length,
                limits, files, Instant.now().truncatedTo(ChronoUnit.MILLIS), artifact);
        synchronized (this) {
            repository.save(stored);
            DeployedFunction deployed = new DeployedFunction(stored, invoker);
            DeployedFunction previous = functions.put(name, deployed);
            if (previous != null) previous.invoker().close();
            metrics.functionCount(functions.size());
            return deployed;
        }
    }

    /** Removes a function; false if there was none. Calls already running finish. */
    public synchronized boolean delete(String name) throws IOException {
        if (!functions.containsKey(name)) return false;
        repository.delete(name);
        DeployedFunction removed = functions.remove(name);
        removed.invoker().close();
        metrics.functionCount(functions.size());
        return true;
    }

    /** The spec of a function; its folder is created when the grant needs it (and kept after a delete: it is data). */
    private FunctionSpec spec(String name, FunctionLimits limits, FileGrant files) throws IOException {
        Path folder = filesRoot.resolve(FunctionName.check(name));
        if (files != FileGrant.NONE) AtomicFiles.createFolder(folder);
        return new FunctionSpec(name, limits, files, folder);
    }

    public DeployedFunction get(String name) {
        return functions.get(name);
    }

    /** Every function, by name. */
    public List<DeployedFunction> list() {
        List<DeployedFunction> all = new ArrayList<>(functions.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    public int size() {
        return functions.size();
    }
}
