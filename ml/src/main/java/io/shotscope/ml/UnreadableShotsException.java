package io.shotscope.ml;

import io.shotscope.video.PlateException;
import java.util.List;

/**
 * Some shots of a data set could not be analysed. Every shot was tried, so one run names every
 * bad plate at once; the readable shots' features are in the cache for the next run.
 */
public final class UnreadableShotsException extends PlateException {

    private final List<String> failures;
    private final int total;

    /**
     * @param failures one line per unreadable shot: {@code <path> (manifest line N): <reason>}
     * @param total    how many shots the data set lists
     */
    public UnreadableShotsException(List<String> failures, int total) {
        super(summary(failures, total));
        this.failures = List.copyOf(failures);
        this.total = total;
    }

    /** One line per unreadable shot, in manifest order. */
    public List<String> failures() {
        return failures;
    }

    /** How many shots could not be read, and what to do, without naming them. */
    public String headline() {
        return headline(failures, total);
    }

    private static String headline(List<String> failures, int total) {
        return failures.size() + " of " + total + " shots could not be read (fix them or take them out of the "
                + "manifest; the others are cached)";
    }

    private static String summary(List<String> failures, int total) {
        return failures.size() == 1 ? failures.get(0) : headline(failures, total) + "; the first: " + failures.get(0);
    }
}
