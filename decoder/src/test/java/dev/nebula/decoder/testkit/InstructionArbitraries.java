package dev.nebula.decoder.testkit;

import dev.nebula.decoder.Immediate;
import dev.nebula.decoder.Opcode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.u32;

/**
 * Random instructions from the shared {@link Opcode} table with immediates of the right shape
 * (spec 5.4), so that generated code gets past the opcode byte and into {@code CodeReader}'s
 * immediates and, after decoding, into the validator's typing rules. Indices are small, so that
 * in a module with a few of everything many of them resolve.
 */
public final class InstructionArbitraries {

    private InstructionArbitraries() {
    }

    /** Mostly well-formed instructions; one in ten has random bytes for immediates instead. */
    public static Arbitrary<byte[]> instruction() {
        Arbitrary<byte[]> wellFormed = Arbitraries.of(Opcode.values())
                .flatMap(op -> immediates(op.immediate()).map(imm -> concat(encoding(op), imm)));
        Arbitrary<byte[]> junkImmediates = Arbitraries.of(Opcode.values())
                .flatMap(op -> ModuleArbitraries.anyBytes(4).map(imm -> concat(encoding(op), imm)));
        return Arbitraries.frequencyOf(Tuple.of(9, wellFormed), Tuple.of(1, junkImmediates));
    }

    public static byte[] encoding(Opcode op) {
        return op.prefix() == 0 ? bytes(op.code()) : concat(bytes(op.prefix()), u32(op.code()));
    }

    private static Arbitrary<byte[]> immediates(Immediate shape) {
        return switch (shape) {
            case NONE -> Arbitraries.just(new byte[0]);
            case BLOCK_TYPE -> Arbitraries.of(bytes(0x40), bytes(0x7F), bytes(0x7E), bytes(0x7D), bytes(0x7C),
                    bytes(0x7B), bytes(0x70), bytes(0x6F), bytes(0x00), bytes(0x01));
            case LABEL, FUNCTION, LOCAL, GLOBAL, TABLE, ELEM, DATA -> smallIndex();
            case LABEL_TABLE -> smallIndex().list().ofMaxSize(4)
                    .flatMap(labels -> smallIndex().map(last -> concat(u32(labels.size()), concat(labels.toArray(byte[][]::new)), last)));
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> smallIndex().list().ofSize(2).map(two -> concat(two.get(0), two.get(1)));
            case MEMARG -> memarg();
            case MEMARG_LANE -> memarg().flatMap(m -> lane().map(l -> concat(m, l)));
            case MEMORY -> Arbitraries.just(bytes(0x00));
            case MEMORY_INIT -> smallIndex().map(i -> concat(i, bytes(0x00)));
            case MEMORY_COPY -> Arbitraries.just(bytes(0x00, 0x00));
            case I32 -> Arbitraries.integers().map(Encode::sleb);
            case I64 -> Arbitraries.longs().map(Encode::sleb);
            case F32 -> Arbitraries.bytes().array(byte[].class).ofSize(4);
            case F64 -> Arbitraries.bytes().array(byte[].class).ofSize(8);
            case V128, SHUFFLE -> Arbitraries.bytes().array(byte[].class).ofSize(16);
            case LANE -> lane();
            case REF_TYPE -> Arbitraries.of(bytes(0x70), bytes(0x6F));
            case SELECT_TYPES -> Arbitraries.of(bytes(0x01, 0x7F), bytes(0x01, 0x7B), bytes(0x01, 0x70), bytes(0x00));
        };
    }

    private static Arbitrary<byte[]> smallIndex() {
        return Arbitraries.integers().between(0, 3).map(Encode::u32);
    }

    private static Arbitrary<byte[]> memarg() {
        return Arbitraries.integers().between(0, 5).flatMap(align ->
                Arbitraries.of(0L, 1L, 8L, 0xFFFF_FFFFL).map(offset -> concat(u32(align), u32(offset))));
    }

    private static Arbitrary<byte[]> lane() {
        return Arbitraries.integers().between(0, 33).map(Encode::bytes);
    }
}
