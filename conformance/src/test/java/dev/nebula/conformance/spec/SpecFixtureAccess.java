package dev.nebula.conformance.spec;

import java.io.IOException;
import java.nio.file.Path;

/** Opens {@link SpecFixture} to the CLI's tests of {@code nebula spec} (through this module's test jar). */
public final class SpecFixtureAccess {

    public static final String EXPECTED_COUNTS = SpecFixture.EXPECTED_COUNTS;

    private SpecFixtureAccess() {
    }

    public static Path writeTo(Path dir) throws IOException {
        return SpecFixture.writeTo(dir);
    }
}
