package dev.nebula.interpreter.testkit;

import dev.nebula.decoder.Opcode;
import dev.nebula.runtime.Engine;
import dev.nebula.runtime.EngineConfig;
import dev.nebula.runtime.EngineKind;
import dev.nebula.runtime.Instance;
import dev.nebula.runtime.Linker;
import dev.nebula.runtime.Store;
import dev.nebula.wasm.TrapException;
import dev.nebula.wasm.TrapKind;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Instantiates hand-built modules and runs them, for the tests: on the engine the system property
 * {@code nebula.engine} names ({@code interp} when unset), so that the engine-tests module runs
 * the same public-API tests on every engine.
 */
public final class Run {

    public static final EngineKind KIND = EngineKind.fromShortName(System.getProperty("nebula.engine", "interp"));
    public static final Engine ENGINE = Engine.create(EngineConfig.defaults(KIND));

    private Run() {
    }

    public static Instance instantiate(byte[] module) {
        return new Linker().instantiate(new Store(ENGINE), ENGINE.compile(module));
    }

    /** A module of one function, exported as "f", with the given signature, extra locals and body. */
    public static Instance function(String params, String results, String locals, Code body) {
        WasmBuilder b = new WasmBuilder();
        int f = b.function(b.type(params, results), locals, body);
        b.exportFunction("f", f);
        return instantiate(b.build());
    }

    /**
     * Applies one instruction to the arguments: a function that pushes its parameters in order and
     * runs {@code op}. Arguments and the result are slot bits (f32 and f64 as raw bits).
     */
    public static long apply(Opcode op, String params, String result, long... args) {
        Code body = Code.of();
        for (int i = 0; i < params.length(); i++) body.get(i);
        body.op(op);
        return function(params, result, "", body).function("f").call(args)[0];
    }

    public static int i32(Opcode op, int... args) {
        long[] a = new long[args.length];
        for (int i = 0; i < args.length; i++) a[i] = args[i];
        return (int) apply(op, "i".repeat(args.length), letter(op.push(0)), a);
    }

    /** An i64 operator; comparisons give their i32 result sign-extended. */
    public static long i64(Opcode op, long... args) {
        return apply(op, "l".repeat(args.length), letter(op.push(0)), args);
    }

    /** Applies a fixed-signature instruction, parameters and result taken from the Opcode table. */
    public static long apply(Opcode op, long... args) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < op.popCount(); i++) params.append(letter(op.pop(i)));
        return apply(op, params.toString(), letter(op.push(0)), args);
    }

    static String letter(dev.nebula.decoder.model.ValType t) {
        return switch (t) {
            case I32 -> "i";
            case I64 -> "l";
            case F32 -> "f";
            case F64 -> "d";
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    public static long f32Bits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    public static long f64Bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    public static void assertTrap(TrapKind kind, Executable call) {
        TrapException e = assertThrows(TrapException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
    }
}
