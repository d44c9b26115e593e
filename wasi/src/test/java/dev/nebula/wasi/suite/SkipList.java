package dev.nebula.wasi.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tests of the wasi-testsuite that are not run, as data: {@code wasi-testsuite-skips.txt}
 * on the test class path, one {@code suite/name reason...} per line, {@code #} for comments.
 * Every entry needs a reason.
 */
final class SkipList {

    static final String RESOURCE = "/wasi-testsuite-skips.txt";

    private SkipList() {
    }

    static Map<String, String> load() throws IOException {
        Map<String, String> skips = new LinkedHashMap<>();
        try (InputStream in = SkipList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return skips;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] parts = t.split("\\s+", 2);
                if (parts.length < 2) throw new IllegalStateException("skip entry without a reason: " + t);
                skips.put(parts[0], parts[1]);
            }
        }
        return skips;
    }
}
