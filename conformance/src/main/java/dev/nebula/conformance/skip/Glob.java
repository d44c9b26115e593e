package dev.nebula.conformance.skip;

import java.util.regex.Pattern;

/** The globs of skip-list selectors: {@code *} is any run of characters, {@code ?} one character, nothing else is special. */
public final class Glob {

    private Glob() {
    }

    /** Whether {@code text} has a wildcard. */
    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** {@code text} as a regular expression that matches whole strings. */
    public static Pattern compile(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
