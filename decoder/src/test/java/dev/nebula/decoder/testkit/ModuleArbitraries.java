package dev.nebula.decoder.testkit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static dev.nebula.decoder.testkit.Encode.bytes;
import static dev.nebula.decoder.testkit.Encode.concat;
import static dev.nebula.decoder.testkit.Encode.u32;
import static dev.nebula.decoder.testkit.Encode.vec;

/**
 * Generators of hostile module bytes for the robustness properties of the decoder and the
 * validator: pure junk, junk behind a valid header, well-framed sections of junk, functions of
 * random instructions, and mutants of valid modules.
 */
public final class ModuleArbitraries {

    /** Sightglass modules read once per JVM: seeds are picked again and again. */
    private static final Map<Path, byte[]> CORPUS_CACHE = new ConcurrentHashMap<>();

    private ModuleArbitraries() {
    }

    public static Arbitrary<byte[]> anyBytes(int maxSize) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
    }

    public static Arbitrary<byte[]> headerThenAnyBytes(int maxSize) {
        return anyBytes(maxSize).map(tail -> concat(ModuleBuilder.HEADER, tail));
    }

    /** A header, then sections with ids 0-13 whose sizes match their random contents. */
    public static Arbitrary<byte[]> framedSectionsOfJunk() {
        Arbitrary<byte[]> section = Combinators.combine(Arbitraries.integers().between(0, 13), anyBytes(48))
                .as((id, content) -> concat(bytes(id), u32(content.length), content));
        return section.list().ofMaxSize(8).map(sections -> concat(ModuleBuilder.HEADER, concat(sections.toArray(byte[][]::new))));
    }

    /**
     * One function of random instructions (see {@link InstructionArbitraries}) in a module with
     * two types, a table, a memory, a mutable global, and one passive element and data segment,
     * so that small indices in the code often resolve and validation gets past the first lookup.
     */
    public static Arbitrary<byte[]> functionOfRandomInstructions() {
        return InstructionArbitraries.instruction().list().ofMaxSize(24).map(list -> {
            byte[] code = concat(concat(list.toArray(byte[][]::new)), bytes(ModuleBuilder.END));
            return ModuleBuilder.module()
                    .section(ModuleBuilder.TYPE, vec(ModuleBuilder.voidType(), Encode.hex("60 01 7f 01 7f")))
                    .section(ModuleBuilder.FUNCTION, Encode.vecOfBytes(0))
                    .section(ModuleBuilder.TABLE, vec(Encode.hex("70 00 01")))
                    .section(ModuleBuilder.MEMORY, vec(Encode.hex("00 01")))
                    .section(ModuleBuilder.GLOBAL, vec(Encode.hex("7f 01 41 00 0b")))
                    .section(ModuleBuilder.ELEMENT, vec(Encode.hex("01 00 01 00")))
                    .section(ModuleBuilder.DATA_COUNT, u32(1))
                    .section(ModuleBuilder.CODE, vec(ModuleBuilder.body(u32(0), code)))
                    .section(ModuleBuilder.DATA, vec(Encode.hex("01 01 2a")))
                    .build();
        });
    }

    /** Mutants of the sample modules that have sections; a bare header is the junk properties' ground. */
    public static Arbitrary<Mutant> mutantsOfSamples() {
        List<Tuple.Tuple2<String, Supplier<byte[]>>> seeds = new ArrayList<>();
        SampleModules.all().forEach((name, bytes) -> {
            if (bytes.length > ModuleBuilder.HEADER.length) seeds.add(Tuple.of(name, bytes::clone));
        });
        return mutantsOf(seeds);
    }

    /**
     * Mutants of every Sightglass module; fails loudly without the corpus. All 119 modules (24 MB)
     * decode in about 0.2 s, so even the multi-megabyte ones are cheap seeds.
     */
    public static Arbitrary<Mutant> mutantsOfSightglass() {
        List<Tuple.Tuple2<String, Supplier<byte[]>>> seeds = new ArrayList<>();
        for (Path p : SightglassCorpus.modules()) {
            seeds.add(Tuple.of(SightglassCorpus.nameOf(p), () -> CORPUS_CACHE.computeIfAbsent(p, SightglassCorpus::read).clone()));
        }
        return mutantsOf(seeds);
    }

    private static Arbitrary<Mutant> mutantsOf(List<Tuple.Tuple2<String, Supplier<byte[]>>> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), mutation().list().ofMinSize(1).ofMaxSize(4))
                .as((seed, mutations) -> new Mutant(seed.get1(), seed.get2(), mutations));
    }

    /**
     * One edit. Positions favour the first 300 bytes, where the header and most section headers
     * of a small module sit; payloads favour LEB128 values that claim a huge count or size.
     */
    public static Arbitrary<Mutation> mutation() {
        // Uniform and without edge cases: jqwik's bias to 0, 1, 2... would mostly break the magic.
        Arbitrary<Integer> position = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 300).withDistribution(RandomDistribution.uniform())),
                Tuple.of(2, Arbitraries.integers().between(0, Integer.MAX_VALUE).withDistribution(RandomDistribution.uniform())))
                .withoutEdgeCases();
        Arbitrary<byte[]> payload = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)),
                Tuple.of(1, Arbitraries.of(u32(0xFFFF_FFFFL), u32(0x4000_0000L), u32(0x10_0000L),
                        bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), bytes(0x0B), bytes(0x02, 0x40))));
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), position, payload).as(Mutation::new);
    }
}
