package dev.nebula.conformance.wasi;

/**
 * One-line summaries of how two texts differ, and the quoting that keeps any output on one line.
 */
public final class TextDiff {

    /** How many characters of each side a summary shows from the first difference. */
    static final int EXCERPT = 40;

    private TextDiff() {
    }

    /**
     * {@code differs at line 2, column 1: expected "b\n", got "c\n" (expected 4 chars, got 4)};
     * the side that ended first shows as {@code end of output}.
     */
    public static String summary(String expected, String actual) {
        int at = firstDifference(expected, actual);
        if (at < 0) return "is as expected";
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (expected.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "differs at line " + line + ", column " + (at - lineStart + 1)
                + ": expected " + excerpt(expected, at) + ", got " + excerpt(actual, at)
                + " (expected " + expected.length() + " chars, got " + actual.length() + ")";
    }

    /** The index of the first character where the texts differ, or -1 when they are equal. */
    public static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
        return a.length() == b.length() ? -1 : n;
    }

    private static String excerpt(String text, int from) {
        if (from >= text.length()) return "end of output";
        return quote(text.substring(from), EXCERPT);
    }

    /**
     * {@code text} in double quotes with {@code \n}, {@code \t}, {@code \"}, {@code \\} and other
     * control characters escaped, cut after {@code max} characters with {@code ...}.
     */
    public static String quote(String text, int max) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(text.length(), max);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
        if (text.length() > max) b.append("...");
        return b.toString();
    }
}
