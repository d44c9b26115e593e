package dev.nebula.faas;

import java.util.regex.Pattern;

/**
 * The rule for function names: {@code [a-z0-9][a-z0-9_-]{0,62}}. A name is used as a file name
 * under the data folder and as a URL path segment, so it may hold no dot, slash, percent sign or
 * upper-case letter: it can never become a path, a hidden file or two names that differ only in
 * case on a case-insensitive file system.
 */
public final class FunctionName {

    public static final String RULE = "[a-z0-9][a-z0-9_-]{0,62}";

    private static final Pattern PATTERN = Pattern.compile(RULE);

    private FunctionName() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** Returns {@code name} or throws with a message that states the rule. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid function name \"" + name + "\": a name matches " + RULE
                    + " (lower-case letters, digits, '_' and '-', at most 63 characters)");
        }
        return name;
    }
}
