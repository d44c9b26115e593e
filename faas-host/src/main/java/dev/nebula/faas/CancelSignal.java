package dev.nebula.faas;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot "stop now" from the host to a running invocation, for a guest that outlives its
 * timeout without noticing (asleep in a host call) or a host that shuts down. Whoever runs the
 * call registers what stopping means (interrupt the store, interrupt the thread); a cancel that
 * comes first runs each action as it is registered. After {@link #finish()} nothing runs any
 * more, so a late cancel cannot hit the thread's next task.
 */
public final class CancelSignal {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;
    private boolean finished;

    /** Adds what {@link #cancel()} does; runs it at once if the call was already cancelled. */
    public synchronized void onCancel(Runnable stop) {
        if (finished) return;
        actions.add(stop);
        if (cancelled) stop.run();
    }

    /** Runs every registered action, once. Actions run under this signal's lock: they must be quick. */
    public synchronized void cancel() {
        if (cancelled || finished) return;
        cancelled = true;
        for (Runnable stop : actions) stop.run();
    }

    /** Marks the call ended: later cancels do nothing. */
    public synchronized void finish() {
        finished = true;
        actions.clear();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }
}
