package io.shotscope.cli;

import io.shotscope.analysis.ProgressListener;
import java.io.PrintWriter;

/** A one-line progress bar on stderr: frames, frames per second and time left. */
final class ProgressBar implements ProgressListener {

    /** The launcher sets this when stderr is a terminal (Java 17 cannot ask). */
    static final String TTY_ENV = "SHOTSCOPE_STDERR_TTY";
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String name;
    private final String rateUnit;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, String name) {
        this(err, name, "fps");
    }

    /** @param rateUnit how the rate is labelled, e.g. {@code fps} or {@code shots/s} */
    ProgressBar(PrintWriter err, String name, String rateUnit) {
        this.err = err;
        this.name = name;
        this.rateUnit = rateUnit;
    }

    static boolean stderrIsTerminal() {
        return "1".equals(System.getenv(TTY_ENV)) && System.getenv("CI") == null;
    }

    @Override
    public void framesRead(int read, long expected) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double fps = read / Math.max(seconds, 1e-9);
        StringBuilder line = new StringBuilder("\r").append(name).append(' ');
        if (expected > 0) {
            double done = Math.min(1.0, read / (double) expected);
            int filled = (int) Math.round(done * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(read).append('/').append(expected);
            long left = fps > 0 ? Math.round((expected - read) / fps) : 0;
            line.append(String.format(" %.1f %s ETA %d:%02d", fps, rateUnit, left / 60, left % 60));
        } else {
            line.append(read).append(String.format(" done %.1f %s", fps, rateUnit));
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    void finish() {
        clear();
    }

    void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
