package io.shotscope.cli;

import io.shotscope.analysis.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress for logs, where a redrawn bar cannot go: a plain line each time another tenth of the
 * work is done, with the time left, so a long run on a render farm or in CI shows it is alive.
 */
final class ProgressLines implements ProgressListener {

    /** Below this many items the work is short and the lines would be noise. */
    static final int MIN_TOTAL = 20;
    private static final int STEPS = 10;

    private final PrintWriter err;
    private final String name;
    private final String unit;
    private final long start = System.nanoTime();
    private int printedSteps;

    /** @param unit what is counted, e.g. {@code shots} */
    ProgressLines(PrintWriter err, String name, String unit) {
        this.err = err;
        this.name = name;
        this.unit = unit;
    }

    /** Lines for {@code total} items, or null when there are too few to be worth reporting. */
    static ProgressLines forTotal(int total, PrintWriter err, String name, String unit) {
        return total >= MIN_TOTAL ? new ProgressLines(err, name, unit) : null;
    }

    @Override
    public void framesRead(int read, long expected) {
        if (expected <= 0) {
            return;
        }
        int steps = (int) (read * (long) STEPS / expected);
        if (steps <= printedSteps) {
            return;
        }
        printedSteps = steps;
        long elapsed = Math.round((System.nanoTime() - start) / 1e9);
        long left = read >= expected ? 0 : Math.round(elapsed * (double) (expected - read) / read);
        err.printf("%s: %d/%d %s (%d %%), %d:%02d elapsed, about %d:%02d left%n", name, read, expected, unit,
                steps * 100 / STEPS, elapsed / 60, elapsed % 60, left / 60, left % 60);
        err.flush();
    }
}
