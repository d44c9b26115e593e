package dev.nebula.faas.wasm;

import dev.nebula.decoder.model.Export;
import dev.nebula.decoder.model.ExternKind;
import dev.nebula.decoder.model.MemoryType;
import dev.nebula.faas.DeployException;
import dev.nebula.faas.FunctionSpec;
import dev.nebula.faas.FunctionRuntime;
import dev.nebula.faas.Invoker;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.WasmModule;
import dev.nebula.wasm.InvalidModuleException;
import dev.nebula.wasm.MalformedModuleException;
import dev.nebula.wasm.UnlinkableException;

/**
 * Functions that are WASI command modules: the module is decoded, validated and compiled once
 * at deploy and pre-linked against WASI; each call instantiates it afresh.
 */
public final class WasmFunctionRuntime implements FunctionRuntime {

    private final Engine engine;

    public WasmFunctionRuntime(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String kind() {
        return "wasm";
    }

    @Override
    public Invoker prepare(FunctionSpec spec, byte[] artifact) {
        WasmModule module;
        try {
            module = engine.compile(artifact);
        } catch (MalformedModuleException e) {
            throw new DeployException("malformed module: " + e.getMessage(), e);
        } catch (InvalidModuleException e) {
            throw new DeployException("invalid module: " + e.getMessage(), e);
        }
        if (module.exports().stream().noneMatch(WasmFunctionRuntime::isStart)) throw new DeployException("the module exports no _start function: a function is a WASI command module");
        for (MemoryType memory : module.validated().module().allMemories()) {
            // Refused now rather than on every call: no invocation of it could ever start.
            if (memory.limits().min() > spec.limits().maxMemoryPages()) {
                throw new DeployException("the module's memory needs " + memory.limits().min() + " pages at start,"
                        + " over max_memory_pages=" + spec.limits().maxMemoryPages());
            }
        }
        WasiBinding binding;
        try {
            binding = WasiBinding.preLink(module);
        } catch (UnlinkableException e) {
            throw new DeployException("unlinkable module: " + e.getMessage() + " (a function may import only wasi_snapshot_preview1)", e);
        }
        return new WasmInvoker(spec, engine, binding);
    }

    /** Whether {@code export} is what a command module runs. */
    static boolean isStart(Export export) {
        return export.name().equals("_start") && export.kind() == ExternKind.FUNC;
    }
}
