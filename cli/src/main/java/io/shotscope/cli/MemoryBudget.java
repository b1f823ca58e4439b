package io.shotscope.cli;

import io.shotscope.ml.ShotFeatures;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code train} and {@code evaluate} hold every shot's features in memory (about 0.9 MB a shot).
 * A data set too large for the JVM is refused before any shot is analysed, with the setting that
 * fixes it, instead of running out of memory after an hour of analysis.
 */
final class MemoryBudget {

    /** Thumbnails and metric scores of one shot, as floats. */
    static final long BYTES_PER_SHOT =
            (long) ShotFeatures.FRAMES * (ShotFeatures.THUMBNAIL_SIZE + ShotFeatures.METRICS) * Float.BYTES;
    /** Share of the heap the features may take; the rest is for training batches and the collector. */
    static final double REFUSE_ABOVE = 0.85;
    /** Above this share, warn: it fits, but the collector will work hard. */
    static final double WARN_ABOVE = 0.6;

    private MemoryBudget() {
    }

    /**
     * Checks that {@code shots} shots fit in {@code maxHeap} bytes; prints a warning or an error
     * line when they do not comfortably.
     *
     * @return false when the shots cannot fit and the command should stop
     */
    static boolean fits(int shots, long maxHeap, PrintWriter err) {
        long needed = shots * BYTES_PER_SHOT;
        double share = needed / (double) maxHeap;
        if (share <= WARN_ABOVE) {
            return true;
        }
        long suggested = (long) Math.ceil(needed / WARN_ABOVE / (1L << 30));
        String sizes = shots + " shots need about " + size(needed) + " of features in memory, and this JVM may use "
                + size(maxHeap);
        String fix = "SHOTSCOPE_JAVA_OPTS='-Xmx" + suggested + "g -XX:+UseParallelGC' (the machine must have that "
                + "memory free), or fewer shots";
        if (share > REFUSE_ABOVE) {
            err.println("error: " + sizes + ": run with " + fix);
            err.flush();
            return false;
        }
        err.println("warning: " + sizes + "; if it runs out, use " + fix);
        err.flush();
        return true;
    }

    /** What the JVM may use, for an out-of-memory message. */
    static String maxHeap() {
        return size(Runtime.getRuntime().maxMemory());
    }

    private static String size(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
    }
}
