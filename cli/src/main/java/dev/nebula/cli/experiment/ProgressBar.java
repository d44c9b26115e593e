package dev.nebula.cli.experiment;

import java.io.PrintWriter;

/**
 * How far the sweep is, on stderr: one line redrawn in place on a terminal, or a line per tenth
 * when stderr is a file or a pipe (so logs stay readable).
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean redraw;
    private final long startNanos = System.nanoTime();
    private int lastTenth = -1;

    ProgressBar(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.redraw = terminal;
    }

    void step(int done, String what) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String line = String.format("[%s%s] %d/%d %3d%% %ds %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, total == 0 ? 100 : done * 100 / total, elapsed, what);
        if (redraw) {
            err.print("\r" + line + "\u001b[K");
            if (done == total) err.println();
            err.flush();
        } else {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
                err.flush();
            }
        }
    }
}
