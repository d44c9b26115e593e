package dev.nebula.faas;

import dev.nebula.faas.store.StoredFunction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A function the host serves: its description, its prepared {@link Invoker}, the permits that cap
 * its concurrent calls and the record of its recent calls. Replaced whole on redeploy, so calls
 * already running finish on the version they started with.
 */
public final class DeployedFunction {

    private final String name;
    private final String runtime;
    private final String sha256;
    private final long size;
    private final FunctionLimits limits;
    private final FileGrant files;
    private final Instant deployedAt;
    private final Invoker invoker;
    private final Semaphore slots;
    private final RecentInvocations recent = new RecentInvocations();

    DeployedFunction(StoredFunction stored, Invoker invoker) {
        this.name = stored.name();
        this.runtime = stored.runtime();
        this.sha256 = stored.sha256();
        this.size = stored.size();
        this.limits = stored.limits();
        this.files = stored.files();
        this.deployedAt = stored.deployedAt();
        this.invoker = invoker;
        this.slots = new Semaphore(limits.maxConcurrency());
    }

    public String name() {
        return name;
    }

    public FunctionLimits limits() {
        return limits;
    }

    public Invoker invoker() {
        return invoker;
    }

    /** Takes one of the function's {@code max_concurrency} permits if one is free; never waits. */
    boolean tryEnter() {
        return slots.tryAcquire();
    }

    void leave() {
        slots.release();
    }

    public RecentInvocations recent() {
        return recent;
    }

    /** The function as the API shows it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("runtime", runtime);
        json.put("size", size);
        json.put("sha256", sha256);
        json.put("limits", limits.toJson());
        json.put("files", files.apiName());
        json.put("deployed_at", deployedAt.toString());
        return json;
    }
}
