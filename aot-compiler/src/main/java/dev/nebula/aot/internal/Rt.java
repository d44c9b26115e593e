package dev.nebula.aot.internal;

import dev.nebula.decoder.model.FuncType;
import dev.nebula.runtime.Memory;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Table;
import dev.nebula.runtime.WasmFunction;
import dev.nebula.runtime.ops.CallIndirect;
import dev.nebula.runtime.ops.InterruptSwitch;
import dev.nebula.runtime.ops.Traps;
import dev.nebula.wasm.TrapException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The small static helpers generated code calls for everything that is not one JVM instruction:
 * memory accesses (spec 4.4.7), tables (4.4.6), calls out of compiled code, call_indirect's
 * checks (4.4.8), call depth and interruption, and trap frames. They are small enough for HotSpot
 * to inline into the caller, so a load costs a sign test, one array access and the JVM's own bounds check.
 * The numeric operators with NaN, rounding and trap rules are the runtime's shared
 * {@code dev.nebula.runtime.ops.Numerics}, called directly.
 *
 * <p>Public only because generated classes live in a class loader of their own.
 */
public final class Rt {

    private static final long MASK = 0xFFFF_FFFFL;
    /** The little-endian views of a byte[]; public because generated code calls them in line (see MemoryEmitter). */
    public static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    public static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        Traps.load();
    }

    private Rt() {
    }

    // ---- memory (spec 4.4.7): effective address = unsigned i32 + unsigned offset. The helper
    // refuses sums of 2^31 and more (a sign test) and checks the access against the memory's
    // limit, its size in bytes, with Objects.checkIndex: a range check C2 knows (intrinsic), which
    // it hoists out of counted loops like an array's own. The array may be longer than the limit
    // (Memory keeps room to grow into without copying), so its length is no bound, and the access
    // itself is unchecked (below). A store that traps writes nothing; the
    // IndexOutOfBoundsException becomes the Wasm trap. An explicit
    // length check in a long before the JVM's (main dd82caa) cost matmul a quarter of its time. ----

    /**
     * Memory 0's current backing array (it may be longer than the memory: see {@link #memoryLimit});
     * generated code re-reads it, with the limit, after every call and memory.grow.
     */
    public static byte[] memory(AotInstance instance) {
        return instance.memories[0].storage();
    }

    /** Memory 0's size in bytes, the bound of every access; re-read with {@link #memory}. */
    public static int memoryLimit(AotInstance instance) {
        return instance.memories[0].limit();
    }

    /**
     * The effective address of a {@code size}-byte access as an array index, or an
     * {@code IndexOutOfBoundsException} (which callers turn into the trap) when the access does
     * not lie within {@code limit} bytes. An operand at or above 2^31 is negative as an int: a
     * negative offset (a constant, so the JIT folds its test away) traps here, and so does a
     * negative base under a positive offset, which could otherwise wrap the sum into range. What
     * is left reaches the range check as a negative index, which it refuses like one past the
     * end: a base alone (offset 0, clang's usual form) or two non-negative operands whose int sum
     * overflows. Leaving the index a plain {@code base + offset} (not masked) keeps it linear for
     * C2's range-check elimination; a limit under {@code size - 1} gives a negative length, which
     * {@code checkIndex} refuses too.
     */
    private static int address(int base, int offset, int limit, int size) {
        int ea = base;
        if (offset != 0) {
            if (offset < 0 || base < 0) throw Traps.outOfBounds();
            ea = base + offset;
        }
        return java.util.Objects.checkIndex(ea, limit - size + 1);
    }

    // The reads and writes behind a checked address: Unsafe's, not the array's or a byte-array
    // view's, whose own bound check against the array's length would be a second compare per
    // access (sieve 1.32x and matmul 1.27x slower with it: their strided loops are not counted,
    // so C2 cannot hoist either check). Sound because every index reaching them passed the check
    // against the limit, and the limit never exceeds the array's length: Memory keeps
    // size <= bytes.length, generated code loads the array and the limit together, from the
    // same memory, at the same points, and takes the smaller of the limit and the length of the
    // array it holds (FunctionCompiler.reloadMemory), so that even a memory misused from two
    // threads at once (a Store is not thread-safe) cannot send an access past the array. Unsafe reads and writes in
    // the platform's byte order; Wasm's is little-endian, so a big-endian JVM swaps (a constant
    // the JIT folds away).

    /** {@code Unsafe}, for the in-line accesses of MemoryEmitter (whose methods C2 always inlines). */
    public static final sun.misc.Unsafe UNSAFE = unsafe();
    /** Where a byte[]'s elements start, for {@link #UNSAFE}. */
    public static final long BYTES = UNSAFE.arrayBaseOffset(byte[].class);
    /** Whether the platform's byte order is big-endian (Unsafe's values then need swapping). */
    public static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static byte getByte(byte[] m, int checked) {
        return UNSAFE.getByte(m, BYTES + checked);
    }

    private static short getShort(byte[] m, int checked) {
        short v = UNSAFE.getShort(m, BYTES + checked);
        return BIG_ENDIAN ? Short.reverseBytes(v) : v;
    }

    private static int getInt(byte[] m, int checked) {
        int v = UNSAFE.getInt(m, BYTES + checked);
        return BIG_ENDIAN ? Integer.reverseBytes(v) : v;
    }

    private static long getLong(byte[] m, int checked) {
        long v = UNSAFE.getLong(m, BYTES + checked);
        return BIG_ENDIAN ? Long.reverseBytes(v) : v;
    }

    private static void putByte(byte[] m, int checked, byte v) {
        UNSAFE.putByte(m, BYTES + checked, v);
    }

    private static void putShort(byte[] m, int checked, short v) {
        UNSAFE.putShort(m, BYTES + checked, BIG_ENDIAN ? Short.reverseBytes(v) : v);
    }

    private static void putInt(byte[] m, int checked, int v) {
        UNSAFE.putInt(m, BYTES + checked, BIG_ENDIAN ? Integer.reverseBytes(v) : v);
    }

    private static void putLong(byte[] m, int checked, long v) {
        UNSAFE.putLong(m, BYTES + checked, BIG_ENDIAN ? Long.reverseBytes(v) : v);
    }

    public static int i32Load(int base, int offset, byte[] m, int limit) {
        try {
            return getInt(m, address(base, offset, limit, 4));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static int i32Load8S(int base, int offset, byte[] m, int limit) {
        try {
            return getByte(m, address(base, offset, limit, 1));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static int i32Load8U(int base, int offset, byte[] m, int limit) {
        try {
            return getByte(m, address(base, offset, limit, 1)) & 0xFF;
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static int i32Load16S(int base, int offset, byte[] m, int limit) {
        try {
            return getShort(m, address(base, offset, limit, 2));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static int i32Load16U(int base, int offset, byte[] m, int limit) {
        try {
            return getShort(m, address(base, offset, limit, 2)) & 0xFFFF;
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load(int base, int offset, byte[] m, int limit) {
        try {
            return getLong(m, address(base, offset, limit, 8));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load8S(int base, int offset, byte[] m, int limit) {
        try {
            return getByte(m, address(base, offset, limit, 1));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load8U(int base, int offset, byte[] m, int limit) {
        try {
            return getByte(m, address(base, offset, limit, 1)) & 0xFFL;
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load16S(int base, int offset, byte[] m, int limit) {
        try {
            return getShort(m, address(base, offset, limit, 2));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load16U(int base, int offset, byte[] m, int limit) {
        try {
            return getShort(m, address(base, offset, limit, 2)) & 0xFFFFL;
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load32S(int base, int offset, byte[] m, int limit) {
        try {
            return getInt(m, address(base, offset, limit, 4));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static long i64Load32U(int base, int offset, byte[] m, int limit) {
        try {
            return getInt(m, address(base, offset, limit, 4)) & MASK;
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static float f32Load(int base, int offset, byte[] m, int limit) {
        try {
            return Float.intBitsToFloat(getInt(m, address(base, offset, limit, 4)));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static double f64Load(int base, int offset, byte[] m, int limit) {
        try {
            return Double.longBitsToDouble(getLong(m, address(base, offset, limit, 8)));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i32Store(int base, int value, int offset, byte[] m, int limit) {
        try {
            putInt(m, address(base, offset, limit, 4), value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i32Store8(int base, int value, int offset, byte[] m, int limit) {
        try {
            putByte(m, address(base, offset, limit, 1), (byte) value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i32Store16(int base, int value, int offset, byte[] m, int limit) {
        try {
            putShort(m, address(base, offset, limit, 2), (short) value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i64Store(int base, long value, int offset, byte[] m, int limit) {
        try {
            putLong(m, address(base, offset, limit, 8), value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i64Store8(int base, long value, int offset, byte[] m, int limit) {
        try {
            putByte(m, address(base, offset, limit, 1), (byte) value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i64Store16(int base, long value, int offset, byte[] m, int limit) {
        try {
            putShort(m, address(base, offset, limit, 2), (short) value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void i64Store32(int base, long value, int offset, byte[] m, int limit) {
        try {
            putInt(m, address(base, offset, limit, 4), (int) value);
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void f32Store(int base, float value, int offset, byte[] m, int limit) {
        try {
            putInt(m, address(base, offset, limit, 4), Float.floatToRawIntBits(value));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static void f64Store(int base, double value, int offset, byte[] m, int limit) {
        try {
            putLong(m, address(base, offset, limit, 8), Double.doubleToRawLongBits(value));
        } catch (IndexOutOfBoundsException outside) {
            throw Traps.outOfBounds();
        }
    }

    public static int memorySize(AotInstance instance) {
        return instance.memories[0].pages();
    }

    public static int memoryGrow(int delta, AotInstance instance) {
        return instance.memories[0].grow(delta);
    }

    public static void memoryFill(int destination, int value, int length, AotInstance instance) {
        instance.memories[0].fill(destination, (byte) value, length);
    }

    public static void memoryCopy(int destination, int source, int length, AotInstance instance) {
        instance.memories[0].copy(destination, source, length);
    }

    public static void memoryInit(int destination, int source, int length, AotInstance instance, int segment) {
        Memory memory = instance.memories[0];
        memory.init(destination, instance.state.dataSegments[segment], source, length);
    }

    /** data.drop (spec 4.4.7): the segment becomes empty. */
    public static void dataDrop(AotInstance instance, int segment) {
        instance.state.dataSegments[segment] = new byte[0];
    }

    // ---- tables and references (spec 4.4.6, 4.4.2); references are store handles ----

    public static long tableGet(int index, AotInstance instance, int table) {
        return instance.tables[table].getHandle(index);
    }

    public static void tableSet(int index, long handle, AotInstance instance, int table) {
        instance.tables[table].setHandle(index, handle);
    }

    public static int tableSize(AotInstance instance, int table) {
        return instance.tables[table].size();
    }

    public static int tableGrow(long handle, int delta, AotInstance instance, int table) {
        return instance.tables[table].grow(delta, handle);
    }

    public static void tableFill(int start, long handle, int length, AotInstance instance, int table) {
        instance.tables[table].fill(start, handle, length);
    }

    public static void tableCopy(int destination, int source, int length, AotInstance instance, int destinationTable, int sourceTable) {
        Table.copy(instance.tables[destinationTable], destination, instance.tables[sourceTable], source, length);
    }

    public static void tableInit(int destination, int source, int length, AotInstance instance, int table, int segment) {
        instance.tables[table].init(destination, instance.state.elementSegments[segment], source, length);
    }

    /** elem.drop (spec 4.4.6): the segment becomes empty. */
    public static void elemDrop(AotInstance instance, int segment) {
        instance.state.elementSegments[segment] = new long[0];
    }

    public static long refFunc(AotInstance instance, int function) {
        return instance.store.handleOf(instance.functions[function]);
    }

    // ---- calls ----

    /**
     * Function entry, with the frames the new one leaves below the engine's call-depth limit
     * ({@code remaining}, the limit minus the call depth, see {@link Jvm#methodDesc}): traps with
     * "call stack exhausted" past the limit (as {@code Store.enterCall} does for the
     * interpreter), and polls interruption.
     */
    public static void enter(int remaining, AotInstance instance) {
        if (remaining < 0) throw Traps.callStackExhausted();
        if (InterruptSwitch.mayBeInterrupted() && instance.store.interrupted()) throw Traps.interrupted();
    }

    /**
     * {@link #enter} without the poll: for functions that make no calls (their loops poll, see
     * {@code FunctionCompiler.pollsOnEntry}), and for code compiled without polls (measurement
     * only, see {@code FunctionCompiler.POLLS}).
     */
    public static void enterWithoutPoll(int remaining, AotInstance instance) {
        if (remaining < 0) throw Traps.callStackExhausted();
    }

    /**
     * Loop headers: a deadline stops even a loop that never calls. While no store is interrupted
     * the JIT folds the whole poll away ({@link InterruptSwitch}); then it is one volatile read.
     * The store is read from the instance only then: a method that kept it in a local kept it
     * alive through every loop, for C2 one more value to hold in a register or spill (its
     * safepoints record every local that is read later).
     */
    public static void poll(AotInstance instance) {
        if (InterruptSwitch.mayBeInterrupted() && instance.store.interrupted()) throw Traps.interrupted();
    }

    /**
     * {@link InterruptSwitch#guard()} as a constant for generated code: a poll in a large method
     * invokes it in line and calls {@link #pollStore} only when it says some store may be
     * interrupted (see {@code FunctionCompiler.loop}).
     */
    public static final MethodHandle INTERRUPT_GUARD = InterruptSwitch.guard();

    /** The rest of {@link #poll} once the guard is on: the store's own flag. */
    public static void pollStore(AotInstance instance) {
        if (instance.store.interrupted()) throw Traps.interrupted();
    }

    /**
     * call_indirect's first checks (spec 4.4.8, shared with every engine): the function at
     * {@code element} of the caller's table, or "undefined element" / "uninitialized element".
     * The dispatcher checks the type: by its switch for its own module's callees, by
     * {@link #callIndirectOut} for any other.
     */
    public static WasmFunction element(AotInstance caller, int table, int element) {
        return CallIndirect.element(caller.tables[table], element);
    }

    /**
     * call_indirect of a callee that the dispatcher's switch does not know (an import, another
     * module's or engine's code): "indirect call type mismatch" unless its type is {@code type},
     * else {@link #callOut}.
     */
    public static long[] callIndirectOut(WasmFunction callee, long[] args, int depth, AotInstance caller, int type) {
        CallIndirect.checkType(callee, caller.module.types[type]);
        return callOut(callee, args, depth, caller);
    }

    /**
     * Calls a function that is not compiled code of this module (an import, a host function,
     * another engine's or module's code) with {@code long} arguments, checking that it returned
     * as many results as its type says. The caller's call depth (the limit minus
     * {@code remaining}) is published to the store for
     * the length of the call, so code that runs there (host code calling back into Wasm, another
     * engine) counts on from it; a trap leaves it to the entry point, which restores the store's
     * depth exactly.
     */
    public static long[] callOut(WasmFunction callee, long[] args, int remaining, AotInstance caller) {
        Store store = caller.store;
        int depth = caller.maxCallDepth - remaining;
        int outside = store.callDepth();
        store.addCallDepth(depth - outside);
        long[] results = caller.state.call(callee, args);
        store.addCallDepth(outside - depth);
        FuncType type = callee.type();
        int count = dev.nebula.runtime.ValueSlots.count(type.results());
        if (count > 0 && (results == null || results.length < count)) {
            throw new IllegalStateException(callee.describe() + " of type " + type + " returned "
                    + (results == null ? "null" : results.length + " values"));
        }
        return results;
    }

    /** {@link #callOut} of an imported function by index. */
    public static long[] callImport(long[] args, int remaining, AotInstance caller, int function) {
        return callOut(caller.functions[function], args, remaining, caller);
    }

    /** The exception handler of every generated function: adds its frame to the trap's stack. */
    public static TrapException frame(TrapException trap, AotInstance instance, int function) {
        return Trace.frame(trap, instance, function);
    }
}
