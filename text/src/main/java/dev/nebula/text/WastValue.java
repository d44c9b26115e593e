package dev.nebula.text;

import dev.nebula.decoder.model.ValType;

import java.util.List;

/** A value of a spec script (an argument or an expected result), as the script writes it. */
public sealed interface WastValue {

    ValType type();

    /** A number by its bits; i32 and f32 bits zero-extended. */
    record Num(ValType type, long bits) implements WastValue {
    }

    /** {@code nan:canonical} or {@code nan:arithmetic} in place of an f32 or f64. */
    record NanPattern(ValType type, boolean canonical) implements WastValue {
    }

    /** A v128 lane by lane: {@code shape} as written ({@code i8x16}, ... {@code f64x2}), lane 0 first. */
    record Vector(String shape, int laneBits, boolean floatLanes, List<Lane> lanes) implements WastValue {
        public Vector {
            lanes = List.copyOf(lanes);
        }

        @Override
        public ValType type() {
            return ValType.V128;
        }
    }

    /** A lane: its bits (masked to the lane width), or a NaN pattern when {@code nan} is not null. */
    record Lane(long bits, Boolean canonicalNan) {
    }

    /** {@code ref.null} (host null), or {@code ref.extern N} / {@code ref.func N} (host N). */
    record Ref(ValType type, Long host) implements WastValue {
    }

    /** {@code (ref.extern)} or {@code (ref.func)} without a number: any non-null reference of the type. */
    record AnyRef(ValType type) implements WastValue {
    }
}
