package dev.nebula.cli.spec;

/**
 * Why the harness does not run a command, e.g. "text format not supported yet". Reasons are plain
 * data from the {@link SkipList}, so a run can count skips per reason and a reason disappears
 * from the report as soon as no list entry names it.
 */
public record SkipReason(String text) implements Comparable<SkipReason> {

    public SkipReason {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a skip reason needs a text");
        text = text.strip();
    }

    @Override
    public int compareTo(SkipReason other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
