package dev.nebula.conformance.skip;

import java.util.regex.Pattern;

/**
 * Why tests are not run, as a skip list declares it: {@code reason KEY = DESCRIPTION}. Entries name
 * the key, so a typo is an error instead of a new reason, and a run counts its skips per reason;
 * a reason that no entry names any more simply disappears from the report.
 *
 * @param key         a short name, lower case letters, digits and {@code -} ({@code simd-aot})
 * @param description one sentence for people ({@code the AOT engine does not compile SIMD yet})
 */
public record SkipReason(String key, String description) implements Comparable<SkipReason> {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public SkipReason {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a reason's key is lower-case letters, digits and '-', got \"" + key + "\"");
        }
        if (description == null || description.isBlank()) throw new IllegalArgumentException("the reason " + key + " needs a description");
        description = description.strip();
    }

    /** Whether {@code text} could be a key. */
    static boolean isKey(String text) {
        return KEY.matcher(text).matches();
    }

    @Override
    public int compareTo(SkipReason other) {
        return key.compareTo(other.key);
    }

    /** {@code KEY: DESCRIPTION}, as reports print it. */
    @Override
    public String toString() {
        return key + ": " + description;
    }
}
