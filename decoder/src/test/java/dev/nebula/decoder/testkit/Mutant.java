package dev.nebula.decoder.testkit;

import java.util.List;
import java.util.function.Supplier;

/**
 * A seed module with mutations applied in order. Reports show the seed's name and the edits, not
 * megabytes of array contents, and the bytes are made only when the property asks for them.
 */
public record Mutant(String seedName, Supplier<byte[]> seed, List<Mutation> mutations) {

    public byte[] bytes() {
        byte[] module = seed.get();
        for (Mutation m : mutations) module = m.applyTo(module);
        return module;
    }

    @Override
    public String toString() {
        return seedName + " " + mutations;
    }
}
