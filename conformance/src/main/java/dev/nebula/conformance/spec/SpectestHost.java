package dev.nebula.conformance.spec;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.decoder.model.GlobalType;
import dev.nebula.decoder.model.Limits;
import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Global;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.Values;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code spectest} module that the official scripts import (as the reference interpreter's
 * {@code spectest.ml} defines it): print functions, four immutable globals of 666 / 666.6, a
 * funcref table of 10 (max 20) and a memory of 1 page (max 2). Each script gets a fresh one, in
 * its own store, so that one script's writes never leak into the next.
 */
final class SpectestHost {

    public static final String MODULE = "spectest";

    private SpectestHost() {
    }

    /**
     * Defines the module in {@code linker} with its table and memory in {@code store}. The print
     * functions write their arguments to {@code debug}, or nowhere when it is null.
     */
    public static Linker define(Linker linker, Store store, PrintStream debug) {
        printFunction(linker, debug, "print");
        printFunction(linker, debug, "print_i32", ValType.I32);
        printFunction(linker, debug, "print_i64", ValType.I64);
        printFunction(linker, debug, "print_f32", ValType.F32);
        printFunction(linker, debug, "print_f64", ValType.F64);
        printFunction(linker, debug, "print_i32_f32", ValType.I32, ValType.F32);
        printFunction(linker, debug, "print_f64_f64", ValType.F64, ValType.F64);
        linker.define(MODULE, "global_i32", new Global(new GlobalType(ValType.I32, false), Values.i32(666)));
        linker.define(MODULE, "global_i64", new Global(new GlobalType(ValType.I64, false), 666L));
        linker.define(MODULE, "global_f32", new Global(new GlobalType(ValType.F32, false), Values.f32(666.6f)));
        linker.define(MODULE, "global_f64", new Global(new GlobalType(ValType.F64, false), Values.f64(666.6)));
        linker.define(MODULE, "table", new Table(store, ValType.FUNCREF, Limits.of(10, 20), 0));
        linker.define(MODULE, "memory", new Memory(Limits.of(1, 2), store));
        return linker;
    }

    private static void printFunction(Linker linker, PrintStream debug, String name, ValType... params) {
        List<ValType> types = List.of(params);
        linker.defineFunction(MODULE, name, new FuncType(types, List.of()), (caller, args) -> {
            if (debug != null) {
                String text = java.util.stream.IntStream.range(0, args.length)
                        .mapToObj(i -> SpecValues.format(types.get(i), args[i]))
                        .collect(Collectors.joining(" "));
                debug.println(MODULE + "." + name + "(" + text + ")");
            }
            return new long[0];
        });
    }
}
