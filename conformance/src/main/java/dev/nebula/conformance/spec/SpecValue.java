package dev.nebula.conformance.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.nebula.decoder.model.ValType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An argument or expected result of a spec command. wast2json writes every number as the
 * unsigned decimal of its bits, so floats keep their exact NaN payloads; an expected float may
 * instead be a {@link Nan} pattern, and a trap's expected list gives only {@link TypeOnly types}.
 */
@JsonDeserialize(using = SpecValueDeserializer.class)
public sealed interface SpecValue {

    ValType type();

    /** An i32, i64, f32 or f64 by its bits; i32 and f32 bits are zero-extended. */
    record Num(ValType type, long bits) implements SpecValue {
        public int asInt() {
            return (int) bits;
        }

        public float asFloat() {
            return Float.intBitsToFloat((int) bits);
        }

        public double asDouble() {
            return Double.longBitsToDouble(bits);
        }

        @Override
        public String toString() {
            return switch (type) {
                case I32 -> "i32:" + (int) bits;
                case I64 -> "i64:" + bits;
                case F32 -> "f32:" + Float.intBitsToFloat((int) bits) + hexIfNan(Float.isNaN(asFloat()));
                case F64 -> "f64:" + Double.longBitsToDouble(bits) + hexIfNan(Double.isNaN(asDouble()));
                default -> type + ":" + bits;
            };
        }

        private String hexIfNan(boolean nan) {
            return nan ? "(0x" + Long.toHexString(bits) + ")" : "";
        }
    }

    /** An expected f32 or f64 that may be any NaN of the {@code kind}. */
    record Nan(ValType type, NanKind kind) implements SpecValue {
        @Override
        public String toString() {
            return type + ":" + kind;
        }
    }

    /** A v128, lane by lane in the lane type the script used; lane 0 first. */
    record Vector(LaneType laneType, List<Lane> lanes) implements SpecValue {
        public Vector {
            lanes = List.copyOf(lanes);
        }

        /** The 128 bits as two longs, {@code [low, high]} (lane 0 in the lowest bits); NaN patterns count as 0. */
        public long[] halves() {
            long[] halves = new long[2];
            int bits = laneType.bits();
            for (int i = 0; i < lanes.size(); i++) {
                int at = i * bits;
                halves[at >> 6] |= lanes.get(i).bits() << (at & 63);
            }
            return halves;
        }

        @Override
        public ValType type() {
            return ValType.V128;
        }

        @Override
        public String toString() {
            return "v128:" + laneType.name().toLowerCase(java.util.Locale.ROOT) + "x" + lanes.size()
                    + "[" + lanes.stream().map(Lane::toString).collect(Collectors.joining(" ")) + "]";
        }
    }

    /** One lane: exact bits (masked to the lane width), or a NaN pattern when {@code nan} is set. */
    record Lane(long bits, NanKind nan) {
        @Override
        public String toString() {
            return nan != null ? nan.toString() : Long.toUnsignedString(bits);
        }
    }

    /**
     * A funcref or externref: {@code host} is null for {@code ref.null}, else the number the script
     * gave to a host reference ({@code ref.extern 1}).
     */
    record Ref(ValType type, Long host) implements SpecValue {
        public boolean isNull() {
            return host == null;
        }

        @Override
        public String toString() {
            return type + ":" + (host == null ? "null" : host.toString());
        }
    }

    /** Only a type, without a value: the result types listed by assert_trap and action commands. */
    record TypeOnly(ValType type) implements SpecValue {
        @Override
        public String toString() {
            return type.toString();
        }
    }
}
