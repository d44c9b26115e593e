package dev.nebula.wasi;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** The source of {@code random_get}'s bytes. */
@FunctionalInterface
public interface WasiRandom {

    void fill(byte[] buffer);

    /** Cryptographically strong bytes from the host, as preview1 asks of {@code random_get}. */
    static WasiRandom secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }

    /** The same bytes for the same seed on every run: for tests only, never for secrets. */
    static WasiRandom seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return buffer -> {
            for (int i = 0; i < buffer.length; i++) buffer[i] = (byte) random.nextInt(256);
        };
    }
}
