package dev.nebula.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs of one function in a sweep: {@code FROM..TO} with a step (both ends included), as
 * the thesis gave them ("exponential 0..708 in steps of 2").
 */
record InputRange(long from, long to, long step) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.\\.(\\d+)(?:/(\\d+))?");

    InputRange {
        if (step <= 0) throw new IllegalArgumentException("the step must be positive: " + step);
        if (to < from) throw new IllegalArgumentException("the range ends before it begins: " + from + ".." + to);
    }

    /** {@code FROM..TO} or {@code FROM..TO/STEP} (step 1 when left out). */
    static InputRange parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("not a range FROM..TO or FROM..TO/STEP: '" + text + "'");
        try {
            return new InputRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    m.group(3) == null ? 1 : Long.parseLong(m.group(3)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number too large in '" + text + "'");
        }
    }

    List<Long> values() {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v += step) values.add(v);
        return values;
    }

    @Override
    public String toString() {
        return from + ".." + to + (step == 1 ? "" : "/" + step);
    }
}
