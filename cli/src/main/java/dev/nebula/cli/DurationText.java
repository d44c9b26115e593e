package dev.nebula.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: a whole number with a unit, {@code 250ms},
 * {@code 10s}, {@code 2m}, {@code 1h}, or a bare number of seconds ({@code 1.5}).
 */
final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private DurationText() {
    }

    /** The duration {@code text} names; a message saying what is accepted otherwise. */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 2m or 1h, got \"" + text + "\"");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = amount * switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        if (millis < 1 || millis > Duration.ofDays(365).toMillis()) {
            throw new IllegalArgumentException("a duration must be between 1ms and 365 days, got \"" + text + "\"");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
