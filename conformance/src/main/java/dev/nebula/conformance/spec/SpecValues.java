package dev.nebula.conformance.spec;

import dev.nebula.decoder.model.ValType;
import dev.nebula.runtime.Store;
import dev.nebula.runtime.Values;
import dev.nebula.runtime.WasmFunction;

/**
 * Spec values against engine values ({@code long}s as {@link Values} describes): turning
 * arguments into longs, checking results against expectations (exact bits, NaN patterns of spec
 * 4.3.3, references), and describing actual values in failure reports.
 */
final class SpecValues {

    /** The host object that {@code ref.extern N} stands for: equal numbers are the same reference. */
    record HostRef(long id) {
        @Override
        public String toString() {
            return Long.toString(id);
        }
    }

    private SpecValues() {
    }

    /**
     * The engine value for an argument. References to host objects go through {@code store} so
     * that the same {@code ref.extern N} is the same handle every time.
     *
     * A v128 takes two longs and is passed with {@link SpecValue.Vector#halves()} instead.
     *
     * @throws IllegalArgumentException for values that cannot be passed (non-null funcref, type-only)
     */
    static long argument(SpecValue value, Store store, java.util.function.LongFunction<HostRef> hostRefs) {
        if (value instanceof SpecValue.Num n) {
            return n.type() == ValType.I32 ? Values.i32((int) n.bits()) : n.bits();
        }
        if (value instanceof SpecValue.Ref r) {
            if (r.isNull()) return 0;
            if (r.type() == ValType.EXTERNREF) return store.handleOf(hostRefs.apply(r.host()));
            throw new IllegalArgumentException("a non-null funcref argument names no function");
        }
        throw new IllegalArgumentException("argument " + value + " has no value");
    }

    /** Whether the actual result {@code actual} of type {@code type} is what {@code expected} asks for. */
    static boolean matches(SpecValue expected, ValType type, long actual, Store store, java.util.function.LongFunction<HostRef> hostRefs) {
        if (type != expected.type()) return false;
        if (expected instanceof SpecValue.Num n) {
            return switch (type) {
                case I32, F32 -> (int) actual == (int) n.bits();
                default -> actual == n.bits();
            };
        }
        if (expected instanceof SpecValue.Nan nan) {
            return type == ValType.F32 ? nan.kind().matches(actual & 0xFFFF_FFFFL, 32) : nan.kind().matches(actual, 64);
        }
        if (expected instanceof SpecValue.Ref r) {
            if (r.isNull()) return actual == 0;
            if (actual == 0) return false;
            Object object = objectOf(store, actual);
            // wast2json writes (ref.func N) with an index that names no object we could compare with.
            if (type == ValType.FUNCREF) return object instanceof WasmFunction;
            return hostRefs.apply(r.host()).equals(object);
        }
        if (expected instanceof SpecValue.TypeOnly) {
            // (ref.func) and (ref.extern) without an index: any non-null reference of the type.
            return type.isReference() && actual != 0;
        }
        return false;
    }

    /**
     * Whether the v128 {@code (lo, hi)} is what {@code expected} asks for, lane by lane in the
     * expectation's lane shape: exact bits, or for float lanes a NaN pattern of spec 4.3.3.
     */
    static boolean matchesV128(SpecValue expected, long lo, long hi) {
        if (expected instanceof SpecValue.TypeOnly t) return t.type() == ValType.V128;
        if (!(expected instanceof SpecValue.Vector v)) return false;
        int bits = v.laneType().bits();
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        for (int i = 0; i < v.lanes().size(); i++) {
            int at = i * bits;
            long lane = ((at < 64 ? lo : hi) >>> (at & 63)) & mask;
            SpecValue.Lane want = v.lanes().get(i);
            boolean ok = want.nan() != null ? want.nan().matches(lane, bits) : lane == want.bits();
            if (!ok) return false;
        }
        return true;
    }

    /** A v128 as the suite's text writes it, in the expectation's lane shape when known: {@code v128:i32x4[1 2 3 4]}. */
    static String describeV128(long lo, long hi, LaneType shape) {
        LaneType laneType = shape == null ? LaneType.I32 : shape;
        int bits = laneType.bits();
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        StringBuilder s = new StringBuilder("v128:").append(laneType.name().toLowerCase(java.util.Locale.ROOT))
                .append('x').append(laneType.laneCount()).append('[');
        for (int i = 0; i < laneType.laneCount(); i++) {
            int at = i * bits;
            long lane = ((at < 64 ? lo : hi) >>> (at & 63)) & mask;
            if (i > 0) s.append(' ');
            switch (laneType) {
                case F32 -> s.append(format(ValType.F32, lane));
                case F64 -> s.append(format(ValType.F64, lane));
                default -> s.append(Long.toUnsignedString(lane));
            }
        }
        return s.append(']').toString();
    }

    private static Object objectOf(Store store, long handle) {
        try {
            return store.objectOf(handle);
        } catch (RuntimeException e) {
            return new Object() {
                @Override
                public String toString() {
                    return "invalid handle " + handle;
                }
            };
        }
    }

    /** {@code i32:42}, {@code f32:1.5}, {@code f64:NaN(0x7ff8000000000001)}, {@code externref:host 3}. */
    static String describe(ValType type, long value, Store store) {
        return switch (type) {
            case FUNCREF, EXTERNREF -> type + ":" + (value == 0 ? "null" : String.valueOf(objectOf(store, value)));
            default -> type + ":" + format(type, value);
        };
    }

    /** The number alone: signed decimal, or the float with its bits when it is a NaN. */
    static String format(ValType type, long value) {
        return switch (type) {
            case I32 -> Integer.toString((int) value);
            case I64 -> Long.toString(value);
            case F32 -> {
                float f = Values.asF32(value);
                yield Float.isNaN(f) ? "NaN(0x" + Integer.toHexString((int) value) + ")" : Float.toString(f);
            }
            case F64 -> {
                double d = Values.asF64(value);
                yield Double.isNaN(d) ? "NaN(0x" + Long.toHexString(value) + ")" : Double.toString(d);
            }
            default -> "0x" + Long.toHexString(value);
        };
    }
}
