package dev.nebula.bench;

import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;

import java.util.List;

/**
 * A C workload on wasmtime (wasmtime-java 0.19.0, which bundles a native wasmtime 7 and compiles
 * with Cranelift at its default optimisation level): the module is compiled and instantiated, and
 * {@code _initialize} called, once; each call goes through one JNI transition and returns the
 * export's single result. The native objects live as long as the JMH fork (one trial), so nothing
 * is disposed.
 */
final class WasmtimeWorkload implements WorkloadRunner {

    private final Store<Void> store;
    private final Func function;
    private final Val[] args;

    private WasmtimeWorkload(Store<Void> store, Func function, Val[] args) {
        this.store = store;
        this.function = function;
        this.args = args;
    }

    static WorkloadRunner create(Workload workload) {
        Engine engine = new Engine();
        Store<Void> store = new Store<>(null, engine);
        Module module = Module.fromBinary(engine, workload.moduleBytes());
        // The C workloads import nothing (WASI reactors with no WASI calls).
        Instance instance = new Instance(store, module, List.of());
        export(store, instance, "_initialize").call(store);
        Val[] args = new Val[workload.args().length];
        for (int i = 0; i < args.length; i++) args[i] = Val.fromI32(workload.args()[i]);
        return new WasmtimeWorkload(store, export(store, instance, workload.name()), args);
    }

    private static Func export(Store<Void> store, Instance instance, String name) {
        return instance.getFunc(store, name)
                .orElseThrow(() -> new IllegalStateException("wasmtime: the module exports no function " + name));
    }

    @Override
    public long call() {
        Val result = function.call(store, args)[0];
        return result.getType() == Val.Type.I64 ? result.i64() : result.i32();
    }
}
