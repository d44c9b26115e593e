package dev.nebula.wasi;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** The source of {@code random_get}'s bytes. */
@FunctionalInterface
public interface WasiRandom {

    void fill(byte[] buffer);

    /**
     * Cryptographically strong bytes from the host, as preview1 asks of {@code random_get}. The
     * generator is created on the first call, since seeding it costs start-up time that a
     * program which never asks for randomness should not pay.
     */
    static WasiRandom secure() {
        return new WasiRandom() {
            private SecureRandom random;

            @Override
            public void fill(byte[] buffer) {
                if (random == null) random = new SecureRandom();
                random.nextBytes(buffer);
            }
        };
    }

    /** The same bytes for the same seed on every run: for tests only, never for secrets. */
    static WasiRandom seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return buffer -> {
            for (int i = 0; i < buffer.length; i++) buffer[i] = (byte) random.nextInt(256);
        };
    }
}
