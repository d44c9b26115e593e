package dev.nebula.conformance.skip;

import java.io.IOException;

/**
 * A skip list that cannot be read as one: its message is {@code FILE:LINE: what is wrong}, so a
 * bad line is found without reading the parser.
 */
public final class SkipListFormatException extends IOException {

    private final String source;
    private final int line;

    public SkipListFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or bundled resource) the list came from. */
    public String source() {
        return source;
    }

    /** The 1-based line that is wrong. */
    public int line() {
        return line;
    }
}
