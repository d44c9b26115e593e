package dev.nebula.bench;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.WasmFunction;

/**
 * A workload instantiated on one runtime, ready to be called again and again: the module is
 * compiled and instantiated, and its {@code _initialize} called, once, when the runner is made.
 * Each call recomputes everything from scratch (the workloads refill their own memory), so
 * repeated calls give the same answer.
 */
public interface WorkloadRunner {

    /** The runtimes compared: the value of the benchmark's {@code runtime} parameter. */
    String NEBULA = "nebula";
    /** Nebula's AOT engine (classes compiled once per trial, before timing). */
    String NEBULA_AOT = "nebula-aot";
    String CHICORY = "chicory";
    /** Chicory's compiler to JVM bytecode (com.dylibso.chicory:compiler), module compiled once per trial. */
    String CHICORY_COMPILER = "chicory-compiler";
    /** wasmtime 7 (native, Cranelift) through wasmtime-java 0.19.0's JNI binding, module compiled once per trial. */
    String WASMTIME = "wasmtime";

    /** Every runtime, in the order the results tables list them. */
    String[] ALL = {NEBULA, NEBULA_AOT, CHICORY, CHICORY_COMPILER, WASMTIME};

    /** Calls the workload's export once and returns its raw first result. */
    long call();

    /** Instantiates {@code workload} on {@code runtime}, one of {@link #ALL}. */
    static WorkloadRunner create(String runtime, Workload workload) {
        return switch (runtime) {
            case NEBULA -> nebula(workload, EngineKind.INTERPRETER);
            case NEBULA_AOT -> nebula(workload, EngineKind.AOT);
            case CHICORY -> chicory(workload);
            case CHICORY_COMPILER -> chicoryCompiler(workload);
            case WASMTIME -> WasmtimeWorkload.create(workload);
            default -> throw new IllegalArgumentException("unknown runtime " + runtime + " (expected one of "
                    + String.join(", ", ALL) + ")");
        };
    }

    /** One of Nebula's engines, default configuration. */
    static WorkloadRunner nebula(Workload workload, EngineKind kind) {
        Engine engine = Engine.create(EngineConfig.defaults(kind));
        Instance instance = new Linker().instantiate(new Store(engine), engine.compile(workload.moduleBytes()));
        instance.function("_initialize").call();
        WasmFunction function = instance.function(workload.name());
        long[] args = workload.argsAsLongs();
        return () -> function.call(args)[0];
    }

    /**
     * Chicory's interpreter: the instance builder's default machine, which is
     * {@link InterpreterMachine} (checked, so that a change of default cannot silently switch
     * this comparison to Chicory's compiler). Chicory never calls {@code _initialize} itself.
     */
    static WorkloadRunner chicory(Workload workload) {
        com.dylibso.chicory.runtime.Instance instance =
                com.dylibso.chicory.runtime.Instance.builder(Parser.parse(workload.moduleBytes())).build();
        if (instance.getMachine().getClass() != InterpreterMachine.class) {
            throw new IllegalStateException("Chicory runs " + instance.getMachine().getClass().getName()
                    + ", not its interpreter " + InterpreterMachine.class.getName());
        }
        instance.export("_initialize").apply();
        ExportFunction function = instance.export(workload.name());
        long[] args = workload.argsAsLongs();
        return () -> function.apply(args)[0];
    }

    /** Chicory's compiler: the module compiled to JVM classes once, before any call. */
    static WorkloadRunner chicoryCompiler(Workload workload) {
        com.dylibso.chicory.wasm.WasmModule module = Parser.parse(workload.moduleBytes());
        com.dylibso.chicory.runtime.Instance instance = com.dylibso.chicory.runtime.Instance.builder(module)
                .withMachineFactory(com.dylibso.chicory.compiler.MachineFactoryCompiler.compile(module)).build();
        instance.export("_initialize").apply();
        ExportFunction function = instance.export(workload.name());
        long[] args = workload.argsAsLongs();
        return () -> function.apply(args)[0];
    }
}
